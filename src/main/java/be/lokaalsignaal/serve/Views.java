package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON and CSV shapes of the API, built from the Avro records. Shapes are explicit maps so
 * that every documented field is always there (absent values as null) and nothing else leaks.
 */
final class Views {
    static final List<String> PROVINCES =
            List.of("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen");

    static final Set<SignalKind> PRACTICE_KINDS = EnumSet.of(
            SignalKind.CAMPAIGN, SignalKind.SAFETY_PLAN, SignalKind.NIGHTLIFE,
            SignalKind.NEWSLETTER_FEATURE, SignalKind.LEARNING_NETWORK);

    private static final SignalState ABSENT = SignalState.newBuilder().setPresent(false).build();

    private Views() {}

    // ---- municipalities

    /** The state of one kind; a kind the record lacks reads as never seen. */
    static SignalState state(MunicipalityUptake m, SignalKind kind) {
        SignalState s = m.getSignals() == null ? null : m.getSignals().get(kind.name());
        return s == null ? ABSENT : s;
    }

    static boolean present(MunicipalityUptake m, SignalKind kind) {
        return state(m, kind).getPresent();
    }

    static Map<String, Object> municipality(MunicipalityUptake m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nisCode", m.getNisCode());
        out.put("name", m.getName());
        out.put("province", m.getProvince());
        out.put("centreCity", m.getCentreCity());
        out.put("validFrom", m.getValidFrom());
        out.put("validUntil", m.getValidUntil());
        out.put("successor", m.getSuccessor());
        Map<String, Object> signals = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            signals.put(kind.name(), signal(state(m, kind)));
        }
        out.put("signals", signals);
        out.put("featuredIn", refs(m.getFeaturedIn()));
        out.put("presentedAt", refs(m.getPresentedAt()));
        out.put("lastScan", lastScan(m.getLastScan()));
        return out;
    }

    private static Map<String, Object> signal(SignalState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("present", s.getPresent());
        out.put("firstSeen", s.getFirstSeen());
        out.put("lastSeen", s.getLastSeen());
        out.put("lostAt", s.getLostAt());
        out.put("evidence", evidence(s.getEvidence()));
        List<Map<String, Object>> periods = new ArrayList<>();
        for (Period p : nullToEmpty(s.getPeriods())) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", p.getFrom());
            period.put("until", p.getUntil());
            periods.add(period);
        }
        out.put("periods", periods);
        return out;
    }

    private static List<Map<String, Object>> evidence(List<Evidence> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : nullToEmpty(items)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("url", e.getUrl());
            item.put("seenAt", e.getSeenAt());
            item.put("snippet", e.getSnippet());
            item.put("source", e.getSource());
            out.add(item);
        }
        return out;
    }

    static List<Map<String, Object>> refs(List<SourceRef> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SourceRef r : sortedRefs(refs)) {
            out.add(ref(r.getId(), r.getDate(), r.getTitle()));
        }
        return out;
    }

    static Map<String, Object> ref(String id, LocalDate date, String title) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("date", date);
        out.put("title", title);
        return out;
    }

    private static List<SourceRef> sortedRefs(List<SourceRef> refs) {
        return nullToEmpty(refs).stream()
                .sorted(Comparator.comparing(SourceRef::getDate).thenComparing(SourceRef::getId))
                .collect(Collectors.toList());
    }

    private static Map<String, Object> lastScan(ScanSummary scan) {
        if (scan == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", scan.getStatus());
        out.put("startedAt", scan.getStartedAt());
        out.put("completedAt", scan.getCompletedAt());
        out.put("pages", scan.getPages());
        return out;
    }

    static final List<String> MUNICIPALITY_CSV_HEADER = municipalityCsvHeader();

    private static List<String> municipalityCsvHeader() {
        List<String> header = new ArrayList<>(List.of(
                "nisCode", "name", "province", "centreCity", "validFrom", "validUntil", "successor"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(kind.name() + "_present");
            header.add(kind.name() + "_firstSeen");
            header.add(kind.name() + "_lastSeen");
            header.add(kind.name() + "_lostAt");
            header.add(kind.name() + "_evidenceUrl");
        }
        header.addAll(List.of("featuredIn", "presentedAt", "lastScanStatus", "lastScanCompletedAt", "lastScanPages"));
        return List.copyOf(header);
    }

    static List<Object> municipalityCsvRow(MunicipalityUptake m) {
        List<Object> row = new ArrayList<>(List.of(
                m.getNisCode(), m.getName(), m.getProvince(), m.getCentreCity()));
        row.add(m.getValidFrom());
        row.add(m.getValidUntil());
        row.add(m.getSuccessor());
        for (SignalKind kind : SignalKind.values()) {
            SignalState s = state(m, kind);
            row.add(s.getPresent());
            row.add(s.getFirstSeen());
            row.add(s.getLastSeen());
            row.add(s.getLostAt());
            List<Evidence> evidence = nullToEmpty(s.getEvidence());
            row.add(evidence.isEmpty() ? null : evidence.get(0).getUrl());
        }
        row.add(refDates(m.getFeaturedIn()));
        row.add(refDates(m.getPresentedAt()));
        ScanSummary scan = m.getLastScan();
        row.add(scan == null ? null : scan.getStatus());
        row.add(scan == null ? null : scan.getCompletedAt());
        row.add(scan == null ? null : scan.getPages());
        return row;
    }

    /** Dates of issues or sessions in one CSV field, separated by semicolons. */
    private static String refDates(List<SourceRef> refs) {
        return sortedRefs(refs).stream().map(r -> r.getDate().toString()).collect(Collectors.joining(";"));
    }

    // ---- summary

    static Map<String, Object> summary(LocalDate asOf, List<MunicipalityUptake> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", asOf);
        out.put("flanders", counts(list));
        Map<String, Object> provinces = new LinkedHashMap<>();
        for (String province : PROVINCES) {
            provinces.put(province, counts(list.stream().filter(m -> province.equals(m.getProvince())).toList()));
        }
        // a province outside the five would be a register error; show it rather than drop it
        list.stream().map(MunicipalityUptake::getProvince).filter(p -> !provinces.containsKey(p)).distinct().sorted()
                .forEach(p -> provinces.put(p, counts(list.stream().filter(m -> p.equals(m.getProvince())).toList())));
        out.put("provinces", provinces);
        out.put("centreCities", counts(list.stream().filter(MunicipalityUptake::getCentreCity).toList()));
        return out;
    }

    private static Map<String, Object> counts(List<MunicipalityUptake> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("municipalities", list.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), (int) list.stream().filter(m -> present(m, kind)).count());
        }
        out.put("counts", counts);
        return out;
    }

    static List<String> summaryCsvHeader() {
        List<String> header = new ArrayList<>(List.of("asOf", "scope", "name", "municipalities"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(kind.name());
        }
        return header;
    }

    @SuppressWarnings("unchecked")
    static List<List<Object>> summaryCsvRows(Map<String, Object> summary) {
        List<List<Object>> rows = new ArrayList<>();
        Object asOf = summary.get("asOf");
        rows.add(summaryRow(asOf, "flanders", "Vlaanderen", (Map<String, Object>) summary.get("flanders")));
        ((Map<String, Object>) summary.get("provinces")).forEach(
                (name, counts) -> rows.add(summaryRow(asOf, "province", name, (Map<String, Object>) counts)));
        rows.add(summaryRow(asOf, "centreCities", "Centrumsteden", (Map<String, Object>) summary.get("centreCities")));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> summaryRow(Object asOf, String scope, String name, Map<String, Object> counts) {
        List<Object> row = new ArrayList<>(List.of(asOf, scope, name, counts.get("municipalities")));
        row.addAll(((Map<String, Integer>) counts.get("counts")).values());
        return row;
    }

    // ---- calls

    static Map<String, Object> call(CallUptake c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("callId", c.getCallId());
        out.put("issueId", c.getIssueId());
        out.put("callDate", c.getCallDate());
        out.put("title", c.getTitle());
        out.put("before", c.getBefore());
        out.put("within30Days", c.getWithin30Days());
        out.put("within90Days", c.getWithin90Days());
        out.put("within365Days", c.getWithin365Days());
        out.put("later", c.getLater());
        out.put("updatedAt", c.getUpdatedAt());
        return out;
    }

    static final List<String> CALL_CSV_HEADER = List.of("callId", "issueId", "callDate", "title", "before",
            "within30Days", "within90Days", "within365Days", "later", "updatedAt");

    static List<Object> callCsvRow(CallUptake c) {
        return new ArrayList<>(call(c).values());
    }

    // ---- practices

    /**
     * One row per municipality and practice kind ever seen up to the date. Newsletter issues and
     * learning-network sessions are those that featured the municipality: the records say which
     * municipality an issue or session featured, not which of its practices.
     */
    static List<Map<String, Object>> practices(List<MunicipalityUptake> list, SignalKind onlyKind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MunicipalityUptake m : list) {
            for (SignalKind kind : SignalKind.values()) {
                if (!PRACTICE_KINDS.contains(kind) || (onlyKind != null && onlyKind != kind)) {
                    continue;
                }
                SignalState s = state(m, kind);
                if (s.getFirstSeen() == null && !s.getPresent()) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("nisCode", m.getNisCode());
                row.put("name", m.getName());
                row.put("province", m.getProvince());
                row.put("centreCity", m.getCentreCity());
                row.put("kind", kind.name());
                row.put("present", s.getPresent());
                row.put("firstSeen", s.getFirstSeen());
                row.put("lastSeen", s.getLastSeen());
                row.put("evidence", evidence(s.getEvidence()));
                Map<String, Object> channels = new LinkedHashMap<>();
                channels.put("website", nullToEmpty(s.getEvidence()).stream().anyMatch(e -> "WEBSITE".equals(e.getSource())));
                channels.put("newsletterIssues", refs(m.getFeaturedIn()));
                channels.put("learningNetworkSessions", refs(m.getPresentedAt()));
                row.put("channels", channels);
                out.add(row);
            }
        }
        return out;
    }

    static final List<String> PRACTICE_CSV_HEADER = List.of("nisCode", "name", "province", "centreCity", "kind",
            "present", "firstSeen", "lastSeen", "evidenceUrl", "evidenceSeenAt", "evidenceSnippet",
            "website", "newsletterIssueDates", "learningNetworkSessionDates");

    @SuppressWarnings("unchecked")
    static List<Object> practiceCsvRow(Map<String, Object> p) {
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) p.get("evidence");
        Map<String, Object> first = evidence.isEmpty() ? Map.of() : evidence.get(0);
        Map<String, Object> channels = (Map<String, Object>) p.get("channels");
        List<Object> row = new ArrayList<>();
        for (String key : List.of("nisCode", "name", "province", "centreCity", "kind", "present", "firstSeen", "lastSeen")) {
            row.add(p.get(key));
        }
        row.add(first.get("url"));
        row.add(first.get("seenAt"));
        row.add(first.get("snippet"));
        row.add(channels.get("website"));
        row.add(joinDates((List<Map<String, Object>>) channels.get("newsletterIssues")));
        row.add(joinDates((List<Map<String, Object>>) channels.get("learningNetworkSessions")));
        return row;
    }

    private static String joinDates(List<Map<String, Object>> refs) {
        return refs.stream().map(r -> String.valueOf(r.get("date"))).collect(Collectors.joining(";"));
    }

    // ---- scans

    static Map<String, Object> scan(ScanProgress p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", p.status().name());
        out.put("startedAt", p.startedAt());
        out.put("completedAt", p.completedAt());
        Map<String, Object> municipalities = new LinkedHashMap<>();
        municipalities.put("total", p.total());
        municipalities.put("done", p.done());
        municipalities.put("failed", p.failed());
        out.put("municipalities", municipalities);
        out.put("pages", p.pages());
        List<Map<String, Object>> per = new ArrayList<>();
        for (ScanProgress.MunicipalityScan s : sortedScans(p)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("nisCode", s.nisCode());
            item.put("name", s.name());
            item.put("status", s.status());
            item.put("pages", s.pages());
            per.add(item);
        }
        out.put("perMunicipality", per);
        return out;
    }

    static List<ScanProgress.MunicipalityScan> sortedScans(ScanProgress p) {
        return p.perMunicipality().stream().sorted(Comparator.comparing(ScanProgress.MunicipalityScan::nisCode)).toList();
    }

    static final List<String> SCAN_CSV_HEADER = List.of("nisCode", "name", "status", "pages");

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
