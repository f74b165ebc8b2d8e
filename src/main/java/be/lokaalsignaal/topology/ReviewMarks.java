package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ReviewMark;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the reviews of a signal decide, at any moment: pure functions over the review marks a
 * signal state carries, shared by the topology and the views, so that a record, an as-of view and
 * a total agree.
 *
 * <p>A review holds from its {@code reviewedAt} until it is withdrawn, the page it is about changes
 * ({@code until}) or it expires (after {@code expiresOn}). A finding is a page among the signal's
 * evidence of its current period (website kinds) or an issue or session that featured the
 * municipality; the newest review of a finding that holds decides that finding. Then, for a signal
 * the rules find present: CONFIRMED when a finding is confirmed, REJECTED when every finding is
 * rejected, NONE otherwise (a page the reviewers have not seen keeps it counting). For a signal the
 * rules do not find: ADDED while an added review holds and its date has come.
 */
public final class ReviewMarks {
    public static final String NONE = "NONE";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";
    public static final String ADDED = "ADDED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String CONTENT_CHANGED = "CONTENT_CHANGED";

    private static final Comparator<ReviewMark> OLDEST_FIRST = Comparator.comparing(ReviewMark::getReviewedAt);

    private ReviewMarks() {}

    /** True when the signal counts: found and not rejected, or added. */
    public static boolean counts(SignalState s) {
        return s != null && ((s.getPresent() && !REJECTED.equals(s.getReviewed())) || ADDED.equals(s.getReviewed()));
    }

    /** The marks of both states, one per review (the one that says it ended, if either does), oldest first. */
    static List<ReviewMark> union(List<ReviewMark> a, List<ReviewMark> b) {
        Map<String, ReviewMark> byId = new LinkedHashMap<>();
        for (ReviewMark m : a) {
            byId.put(m.getReviewId(), m);
        }
        for (ReviewMark m : b) {
            byId.merge(m.getReviewId(), m, (x, y) -> x.getUntil() != null ? x : y);
        }
        List<ReviewMark> out = new ArrayList<>(byId.values());
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** The marks made before the cutoff, each as it stood then: an end at or after the cutoff is not known yet. */
    static List<ReviewMark> madeBefore(List<ReviewMark> marks, Instant cutoff) {
        List<ReviewMark> out = new ArrayList<>();
        for (ReviewMark m : marks) {
            if (!m.getReviewedAt().isBefore(cutoff)) {
                continue;
            }
            if (m.getUntil() != null && !m.getUntil().isBefore(cutoff)) {
                m = ReviewMark.newBuilder(m).setUntil(null).setEndedBy(null).build();
            }
            out.add(m);
        }
        return out;
    }

    /** True when the mark holds at the instant. */
    static boolean holds(ReviewMark m, Instant at) {
        return !m.getReviewedAt().isAfter(at) && (m.getUntil() == null || m.getUntil().isAfter(at))
                && (m.getExpiresOn() == null || !UptakeMath.dateOf(at).isAfter(m.getExpiresOn()));
    }

    /** The record with every signal's {@code reviewed}, {@code reviewedBy} and {@code reviewedAt} as the marks decide them at the instant. */
    public static MunicipalityUptake decide(MunicipalityUptake r, Instant at) {
        return decide(r, at, r);
    }

    /**
     * As {@link #decide(MunicipalityUptake, Instant)} for a view cut from {@code whole}: a page whose
     * latest sighting lies after the cut is no longer among the view's evidence, but it is still what
     * the rules found, so the findings come from the whole record when the view has none.
     */
    static MunicipalityUptake decide(MunicipalityUptake r, Instant at, MunicipalityUptake whole) {
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (Map.Entry<String, SignalState> e : r.getSignals().entrySet()) {
            SignalKind kind;
            try {
                kind = SignalKind.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                signals.put(e.getKey(), e.getValue());
                continue;
            }
            Set<String> findings = findings(r, kind, e.getValue());
            SignalState wholeState = whole.getSignals().get(e.getKey());
            if (findings.isEmpty() && wholeState != null) {
                findings = findings(whole, kind, wholeState);
            }
            signals.put(e.getKey(), decide(e.getValue(), findings, at));
        }
        return MunicipalityUptake.newBuilder(r).setSignals(signals).build();
    }

    private static SignalState decide(SignalState s, Set<String> findings, Instant at) {
        List<ReviewMark> holding = s.getReviews().stream().filter(m -> holds(m, at)).sorted(OLDEST_FIRST).toList();
        ReviewMark decisive = null;
        String reviewed = NONE;
        if (s.getPresent()) {
            Map<String, ReviewMark> byFinding = new LinkedHashMap<>();
            for (ReviewMark m : holding) {
                String finding = finding(m);
                if (!ADDED.equals(m.getVerdict()) && findings.contains(finding)) {
                    byFinding.put(finding, m);
                }
            }
            ReviewMark confirmed = newest(byFinding.values(), CONFIRMED);
            if (confirmed != null) {
                reviewed = CONFIRMED;
                decisive = confirmed;
            } else if (!findings.isEmpty() && byFinding.size() == findings.size()
                    && byFinding.values().stream().allMatch(m -> REJECTED.equals(m.getVerdict()))) {
                reviewed = REJECTED;
                decisive = newest(byFinding.values(), REJECTED);
            }
        } else {
            LocalDate day = UptakeMath.dateOf(at);
            for (ReviewMark m : holding) {
                if (ADDED.equals(m.getVerdict()) && m.getDate() != null && !m.getDate().isAfter(day)) {
                    reviewed = ADDED;
                    decisive = m;
                }
            }
        }
        SignalState out = SignalState.newBuilder(s).build();
        out.setReviewed(reviewed);
        out.setReviewedBy(decisive == null ? null : decisive.getReviewer());
        out.setReviewedAt(decisive == null ? null : decisive.getReviewedAt());
        return out;
    }

    private static ReviewMark newest(Iterable<ReviewMark> marks, String verdict) {
        ReviewMark newest = null;
        for (ReviewMark m : marks) {
            if (verdict.equals(m.getVerdict()) && (newest == null || !m.getReviewedAt().isBefore(newest.getReviewedAt()))) {
                newest = m;
            }
        }
        return newest;
    }

    static String finding(ReviewMark m) {
        return m.getUrl() != null ? m.getUrl() : m.getSourceId();
    }

    /**
     * What the rules found of the kind: the pages of its evidence seen in its current period (all of
     * its evidence when none is), or the issues and sessions that featured the municipality.
     */
    static Set<String> findings(MunicipalityUptake r, SignalKind kind, SignalState s) {
        Set<String> out = new LinkedHashSet<>();
        switch (kind) {
            case NEWSLETTER_FEATURE -> r.getFeaturedIn().stream().map(SourceRef::getId).forEach(out::add);
            case LEARNING_NETWORK -> r.getPresentedAt().stream().map(SourceRef::getId).forEach(out::add);
            default -> {
                List<Period> periods = s.getPeriods();
                Instant from = periods.isEmpty() ? null : periods.get(periods.size() - 1).getFrom();
                for (Evidence e : s.getEvidence()) {
                    if (e.getUrl() != null && (from == null || !e.getSeenAt().isBefore(from))) {
                        out.add(e.getUrl());
                    }
                }
                if (out.isEmpty()) {
                    s.getEvidence().stream().map(Evidence::getUrl).filter(Objects::nonNull).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The latest moment a mark changed something: made or ended. */
    static Instant latestEvent(MunicipalityUptake r) {
        Instant latest = null;
        for (SignalState s : r.getSignals().values()) {
            for (ReviewMark m : s.getReviews()) {
                latest = UptakeMath.max(latest, UptakeMath.max(m.getReviewedAt(), m.getUntil()));
            }
        }
        return latest;
    }
}
