package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uptake over time: on each day, how many of the municipalities in force on the as-of date had a
 * link to or a mention of the site (SITE_LINK or SITE_MENTION), derived from the periods of
 * presence, and how many were scanned. A municipality counts from the day its first complete scan
 * ended, as in the totals: before that its website was unknown. After the 2025 mergers a merged
 * municipality carries the history of the ones it absorbed, so a day before 2025 counts it once if
 * any of them had it.
 */
final class Timeline {
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    static final List<SignalKind> KINDS = List.of(SignalKind.SITE_LINK, SignalKind.SITE_MENTION);

    private Timeline() {}

    /** A day on which a count changed, and the counts at the end of that day. */
    record Point(LocalDate date, int count, int scanned) {}

    static List<Point> points(List<MunicipalityUptake> list, LocalDate asOf) {
        TreeMap<LocalDate, int[]> changes = new TreeMap<>();
        for (MunicipalityUptake m : list) {
            LocalDate scannedFrom = scannedFrom(m, asOf);
            if (scannedFrom == null) {
                continue;
            }
            changes.computeIfAbsent(scannedFrom, d -> new int[2])[1]++;
            for (LocalDate[] range : union(m, asOf, scannedFrom)) {
                changes.computeIfAbsent(range[0], d -> new int[2])[0]++;
                if (range[1] != null) {
                    changes.computeIfAbsent(range[1], d -> new int[2])[0]--;
                }
            }
        }
        List<Point> points = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        for (Map.Entry<LocalDate, int[]> change : changes.entrySet()) {
            count += change.getValue()[0];
            scanned += change.getValue()[1];
            if (change.getValue()[0] != 0 || change.getValue()[1] != 0) {
                points.add(new Point(change.getKey(), count, scanned));
            }
        }
        if (points.isEmpty() || points.get(points.size() - 1).date().isBefore(asOf)) {
            points.add(new Point(asOf, count, scanned));
        }
        return points;
    }

    /** The day the municipality's first complete scan ended; null when it was not scanned by asOf. */
    private static LocalDate scannedFrom(MunicipalityUptake m, LocalDate asOf) {
        if (m.getFirstCompleteScan() == null || m.getFirstCompleteScan().getCompletedAt() == null) {
            return null;
        }
        LocalDate day = day(m.getFirstCompleteScan().getCompletedAt());
        return day.isAfter(asOf) ? asOf : day;
    }

    /** Days [from, until) with either kind present from {@code scannedFrom} on, merged; until null while still present on asOf. */
    private static List<LocalDate[]> union(MunicipalityUptake m, LocalDate asOf, LocalDate scannedFrom) {
        List<LocalDate[]> ranges = new ArrayList<>();
        for (SignalKind kind : KINDS) {
            for (Period p : Views.nullToEmpty(Views.state(m, kind).getPeriods())) {
                LocalDate from = day(p.getFrom());
                if (from.isBefore(scannedFrom)) {
                    from = scannedFrom;
                }
                if (from.isAfter(asOf)) {
                    continue;
                }
                LocalDate until = p.getUntil() == null ? null : day(p.getUntil());
                if (until != null && until.isAfter(asOf)) {
                    until = null;
                }
                if (until == null || until.isAfter(from)) {
                    ranges.add(new LocalDate[] {from, until});
                }
            }
        }
        ranges.sort(Comparator.comparing(r -> r[0]));
        List<LocalDate[]> merged = new ArrayList<>();
        for (LocalDate[] r : ranges) {
            LocalDate[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last[1] == null || !r[0].isAfter(last[1]))) {
                if (last[1] != null && (r[1] == null || r[1].isAfter(last[1]))) {
                    last[1] = r[1];
                }
            } else {
                merged.add(new LocalDate[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    static Table table(String sheet, List<MunicipalityUptake> list, LocalDate asOf) {
        return new Table(sheet, List.of("date", "count", "scanned"),
                points(list, asOf).stream().map(p -> List.<Object>of(p.date(), p.count(), p.scanned())).toList());
    }

    static Map<String, Object> view(LocalDate asOf, List<MunicipalityUptake> list, List<CallUptake> calls,
            List<NewsletterIssue> issues, List<LearningNetworkSession> sessions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", asOf);
        out.put("municipalities", list.size());
        out.put("signals", KINDS.stream().map(Enum::name).toList());
        List<Map<String, Object>> points = new ArrayList<>();
        for (Point p : points(list, asOf)) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("date", p.date());
            point.put("count", p.count());
            point.put("scanned", p.scanned());
            points.add(point);
        }
        out.put("points", points);
        out.put("calls", calls.stream()
                .filter(c -> !c.getCallDate().isAfter(asOf))
                .sorted(Comparator.comparing(CallUptake::getCallDate).thenComparing(CallUptake::getCallId))
                .map(c -> Views.ref(c.getCallId(), c.getCallDate(), c.getTitle()))
                .toList());
        out.put("newsletterIssues", issues.stream()
                .filter(i -> !i.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(NewsletterIssue::getDate).thenComparing(NewsletterIssue::getIssueId))
                .map(i -> Views.ref(i.getIssueId(), i.getDate(), i.getTitle()))
                .toList());
        out.put("sessions", sessions.stream()
                .filter(s -> !s.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(LearningNetworkSession::getDate).thenComparing(LearningNetworkSession::getSessionId))
                .map(s -> Views.ref(s.getSessionId(), s.getDate(), s.getTitle()))
                .toList());
        return out;
    }
}
