package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.MunicipalityUptake;
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
 * The JSON and table shapes of the API that are not a municipality or a summary (calls,
 * practices, scans), and what they share. Shapes are explicit maps so that every documented field
 * is always there (absent values as null) and nothing else leaks.
 */
final class Views {
    static final List<String> PROVINCES =
            List.of("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen");

    static final Set<SignalKind> PRACTICE_KINDS = EnumSet.of(
            SignalKind.CAMPAIGN, SignalKind.SAFETY_PLAN, SignalKind.NIGHTLIFE,
            SignalKind.NEWSLETTER_FEATURE, SignalKind.LEARNING_NETWORK);

    static final Comparator<SourceRef> BY_DATE = Comparator.comparing(SourceRef::getDate).thenComparing(SourceRef::getId);

    private static final SignalState ABSENT = SignalState.newBuilder().setPresent(false).build();

    private Views() {}

    /** The state of one kind; a kind the record lacks reads as never seen. */
    static SignalState state(MunicipalityUptake m, SignalKind kind) {
        SignalState s = m.getSignals() == null ? null : m.getSignals().get(kind.name());
        return s == null ? ABSENT : s;
    }

    static boolean present(MunicipalityUptake m, SignalKind kind) {
        return state(m, kind).getPresent();
    }

    static Map<String, Object> ref(String id, LocalDate date, String title) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("date", date);
        out.put("title", title);
        return out;
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
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

    static Table callTable(String sheet, List<CallUptake> calls) {
        return new Table(sheet, CALL_CSV_HEADER, calls.stream().map(c -> (List<Object>) new ArrayList<Object>(call(c).values())).toList());
    }

    // ---- practices

    /**
     * One row per municipality and practice kind ever seen up to the date. Newsletter issues and
     * learning-network sessions are those that featured the municipality: the records say which
     * municipality an issue or session featured, not which of its practices.
     */
    static List<Map<String, Object>> practices(List<MunicipalityUptake> list, SignalKind onlyKind, Provenance provenance) {
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
                row.put("evidence", MunicipalityView.evidence(m, s.getEvidence(), provenance));
                Map<String, Object> channels = new LinkedHashMap<>();
                channels.put("website", nullToEmpty(s.getEvidence()).stream().anyMatch(e -> "WEBSITE".equals(e.getSource())));
                channels.put("newsletterIssues", nullToEmpty(m.getFeaturedIn()).stream().sorted(BY_DATE)
                        .map(r -> MunicipalityView.ref(r, provenance.issue(r))).toList());
                channels.put("learningNetworkSessions", nullToEmpty(m.getPresentedAt()).stream().sorted(BY_DATE)
                        .map(r -> MunicipalityView.ref(r, provenance.session(r))).toList());
                row.put("channels", channels);
                out.add(row);
            }
        }
        return out;
    }

    static final List<String> PRACTICE_CSV_HEADER = List.of("nisCode", "name", "province", "centreCity", "kind",
            "present", "firstSeen", "lastSeen", "evidenceUrl", "evidenceSeenAt", "evidenceSnippet", "evidenceOrigin",
            "website", "newsletterIssueDates", "learningNetworkSessionDates");

    static Table practiceTable(String sheet, List<Map<String, Object>> practices) {
        return new Table(sheet, PRACTICE_CSV_HEADER, practices.stream().map(Views::practiceRow).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> practiceRow(Map<String, Object> p) {
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
        row.add(Provenance.describe((Map<String, Object>) first.get("origin")));
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
        out.put("scanId", p.scanId());
        out.put("status", p.status().name());
        out.put("startedAt", p.startedAt());
        out.put("completedAt", p.completedAt());
        Map<String, Object> municipalities = new LinkedHashMap<>();
        municipalities.put("total", p.total());
        municipalities.put("done", p.done());
        municipalities.put("failed", p.failed());
        municipalities.put("withoutWebsite", p.withoutWebsite());
        out.put("municipalities", municipalities);
        out.put("pages", p.pages());
        out.put("failuresByReason", p.failuresByReason());
        List<Map<String, Object>> per = new ArrayList<>();
        for (ScanProgress.MunicipalityScan s : sortedScans(p)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("nisCode", s.nisCode());
            item.put("name", s.name());
            item.put("website", s.website());
            item.put("status", s.status());
            item.put("reason", s.reason());
            item.put("message", s.message());
            item.put("pages", s.pages());
            per.add(item);
        }
        out.put("perMunicipality", per);
        return out;
    }

    static List<ScanProgress.MunicipalityScan> sortedScans(ScanProgress p) {
        return p.perMunicipality().stream().sorted(Comparator.comparing(ScanProgress.MunicipalityScan::nisCode)).toList();
    }

    static final List<String> SCAN_CSV_HEADER = List.of("nisCode", "name", "website", "status", "reason", "message", "pages");

    static Table scanTable(String sheet, ScanProgress p) {
        return new Table(sheet, SCAN_CSV_HEADER, sortedScans(p).stream()
                .map(s -> java.util.Arrays.<Object>asList(s.nisCode(), s.name(), s.website(), s.status(), s.reason(), s.message(), s.pages()))
                .toList());
    }
}
