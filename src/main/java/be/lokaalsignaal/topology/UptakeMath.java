package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Arithmetic on periods, evidence and signal states shared by the topology and the views. */
final class UptakeMath {
    /** Dates are calendar days in UTC: an issue or session dated D happened at D 00:00Z. */
    static final ZoneOffset ZONE = ZoneOffset.UTC;

    private static final Comparator<Evidence> NEWEST_FIRST = Comparator.comparing(Evidence::getSeenAt).reversed()
            .thenComparing(e -> Objects.toString(e.getUrl(), ""))
            .thenComparing(e -> Objects.toString(e.getSnippet(), ""));
    static final Comparator<SourceRef> BY_DATE = Comparator.comparing(SourceRef::getDate).thenComparing(SourceRef::getId);

    private UptakeMath() {}

    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    static SignalState absent() {
        return signal(false, null, null, null, new ArrayList<>(), new ArrayList<>());
    }

    /** A state found by the rules, not (yet) reviewed: {@link ReviewMarks} adds the reviews. */
    private static SignalState signal(boolean present, Instant firstSeen, Instant lastSeen, Instant lostAt, List<Period> periods,
            List<Evidence> evidence) {
        return new SignalState(present, firstSeen, lastSeen, lostAt, periods, evidence, ReviewMarks.NONE, null, null, new ArrayList<>());
    }

    /** A state whose presence, first sighting and loss follow from its periods. */
    static SignalState state(List<Period> periods, Instant lastSeen, List<Evidence> evidence) {
        if (periods.isEmpty()) {
            return signal(false, null, lastSeen, null, new ArrayList<>(), new ArrayList<>(evidence));
        }
        Period last = periods.get(periods.size() - 1);
        boolean present = last.getUntil() == null;
        return signal(present, periods.get(0).getFrom(), lastSeen, present ? null : last.getUntil(),
                new ArrayList<>(periods), new ArrayList<>(evidence));
    }

    /** Sorts periods and joins those that overlap or touch; an open period swallows every later one. */
    static List<Period> mergePeriods(Collection<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::getFrom));
        List<Period> out = new ArrayList<>();
        for (Period p : sorted) {
            if (!out.isEmpty()) {
                Period cur = out.get(out.size() - 1);
                if (cur.getUntil() == null) {
                    continue;
                }
                if (!p.getFrom().isAfter(cur.getUntil())) {
                    Instant until = p.getUntil() == null ? null : max(cur.getUntil(), p.getUntil());
                    out.set(out.size() - 1, new Period(cur.getFrom(), until));
                    continue;
                }
            }
            out.add(new Period(p.getFrom(), p.getUntil()));
        }
        return out;
    }

    /** Newest first, one item per (url, snippet, source) at its latest sighting, at most {@code limit}. */
    static List<Evidence> mergeEvidence(Collection<Evidence> evidence, int limit) {
        Map<List<String>, Evidence> latest = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            List<String> key = java.util.Arrays.asList(e.getUrl(), e.getSnippet(), e.getSource());
            latest.merge(key, e, (a, b) -> a.getSeenAt().isAfter(b.getSeenAt()) ? a : b);
        }
        List<Evidence> out = new ArrayList<>(latest.values());
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    static SignalState union(SignalState a, SignalState b, int evidenceLimit) {
        List<Period> periods = new ArrayList<>(a.getPeriods());
        periods.addAll(b.getPeriods());
        List<Evidence> evidence = new ArrayList<>(a.getEvidence());
        evidence.addAll(b.getEvidence());
        SignalState merged = state(mergePeriods(periods), max(a.getLastSeen(), b.getLastSeen()), mergeEvidence(evidence, evidenceLimit));
        merged.setReviews(ReviewMarks.union(a.getReviews(), b.getReviews()));
        return merged;
    }

    /**
     * The part of a state that lies at or after {@code from}: periods are cut to start there, and
     * only evidence seen from then on is kept, so that nothing before {@code from} leaks into a view.
     */
    static SignalState clipFrom(SignalState s, Instant from) {
        List<Period> periods = new ArrayList<>();
        for (Period p : s.getPeriods()) {
            if (p.getUntil() != null && !p.getUntil().isAfter(from)) {
                continue;
            }
            periods.add(new Period(max(p.getFrom(), from), p.getUntil()));
        }
        List<Evidence> evidence = s.getEvidence().stream().filter(e -> !e.getSeenAt().isBefore(from)).toList();
        Instant lastSeen = s.getLastSeen() != null && !s.getLastSeen().isBefore(from) ? s.getLastSeen() : null;
        SignalState clipped = state(periods, lastSeen, evidence);
        clipped.setReviews(new ArrayList<>(s.getReviews()));
        return clipped;
    }

    /** The state as it stood at the end of the day before {@code cutoff} (exclusive instant). */
    static SignalState cutBefore(SignalState s, Instant cutoff) {
        List<Period> periods = new ArrayList<>();
        Instant latestStart = null;
        for (Period p : s.getPeriods()) {
            if (!p.getFrom().isBefore(cutoff)) {
                continue;
            }
            Instant until = p.getUntil() != null && p.getUntil().isBefore(cutoff) ? p.getUntil() : null;
            periods.add(new Period(p.getFrom(), until));
            latestStart = p.getFrom();
        }
        List<Evidence> evidence = s.getEvidence().stream().filter(e -> e.getSeenAt().isBefore(cutoff)).toList();
        Instant lastSeen = s.getLastSeen();
        if (lastSeen != null && !lastSeen.isBefore(cutoff)) {
            // the last sighting before the cutoff is not kept; the best lower bound is the latest
            // evidence or period start before it
            lastSeen = latestStart;
            for (Evidence e : evidence) {
                lastSeen = max(lastSeen, e.getSeenAt());
            }
        }
        SignalState cut = state(periods, lastSeen, evidence);
        cut.setReviews(ReviewMarks.madeBefore(s.getReviews(), cutoff));
        return cut;
    }

    /** First appearance of a state, from its periods. */
    static Instant firstAppearance(SignalState s) {
        return s == null || s.getPeriods().isEmpty() ? null : s.getPeriods().get(0).getFrom();
    }

    static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
