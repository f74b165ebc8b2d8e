package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topology.UptakeViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One municipality in the API: register data, its website and the register's confidence in it,
 * the outcome of its scans, every signal with periods and evidence (each item saying where it came
 * from), and the newsletter issues and sessions that featured it.
 */
final class MunicipalityView {
    private MunicipalityView() {}

    static Map<String, Object> json(MunicipalityUptake m, Provenance provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nisCode", m.getNisCode());
        out.put("name", m.getName());
        out.put("province", m.getProvince());
        out.put("centreCity", m.getCentreCity());
        out.put("validFrom", m.getValidFrom());
        out.put("validUntil", m.getValidUntil());
        out.put("successor", m.getSuccessor());
        out.put("website", m.getWebsite());
        out.put("websiteConfidence", m.getWebsiteConfidence());
        out.put("websiteSource", m.getWebsiteSource());
        out.put("scan", scan(m));
        Map<String, Object> signals = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            signals.put(kind.name(), signal(m, Views.state(m, kind), provenance));
        }
        out.put("signals", signals);
        out.put("featuredIn", Views.nullToEmpty(m.getFeaturedIn()).stream().sorted(Views.BY_DATE).map(r -> ref(r, provenance.issue(r))).toList());
        out.put("presentedAt", Views.nullToEmpty(m.getPresentedAt()).stream().sorted(Views.BY_DATE).map(r -> ref(r, provenance.session(r))).toList());
        out.put("lastScan", scanSummary(m.getLastScan()));
        return out;
    }

    /**
     * Whether the municipality is scanned (its website signals known) and what its latest scan
     * came to, with the reason and the date.
     */
    static Map<String, Object> scan(MunicipalityUptake m) {
        Map<String, Object> out = new LinkedHashMap<>();
        ScanSummary last = m.getLastScan();
        out.put("scanned", UptakeViews.scanned(m));
        out.put("outcome", UptakeViews.scanOutcome(m));
        out.put("reason", last == null || !"FAILED".equals(last.getStatus()) ? null : last.getReason());
        out.put("at", last == null ? null : last.getCompletedAt() != null ? last.getCompletedAt() : last.getStartedAt());
        out.put("firstCompleteScanAt", m.getFirstCompleteScan() == null ? null : m.getFirstCompleteScan().getCompletedAt());
        out.put("lastCompleteScanAt", m.getLastCompleteScan() == null ? null : m.getLastCompleteScan().getCompletedAt());
        return out;
    }

    private static Map<String, Object> signal(MunicipalityUptake m, SignalState s, Provenance provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("present", s.getPresent());
        out.put("firstSeen", s.getFirstSeen());
        out.put("lastSeen", s.getLastSeen());
        out.put("lostAt", s.getLostAt());
        out.put("evidence", evidence(m, s.getEvidence(), provenance));
        List<Map<String, Object>> periods = new ArrayList<>();
        for (Period p : Views.nullToEmpty(s.getPeriods())) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", p.getFrom());
            period.put("until", p.getUntil());
            periods.add(period);
        }
        out.put("periods", periods);
        return out;
    }

    static List<Map<String, Object>> evidence(MunicipalityUptake m, List<Evidence> items, Provenance provenance) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : Views.nullToEmpty(items)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("url", e.getUrl());
            item.put("seenAt", e.getSeenAt());
            item.put("snippet", e.getSnippet());
            item.put("source", e.getSource());
            item.put("origin", provenance.origin(m, e));
            out.add(item);
        }
        return out;
    }

    /** A newsletter issue or session: id, date, title, and its URL and provenance when known. */
    static Map<String, Object> ref(SourceRef r, Map<String, Object> origin) {
        Map<String, Object> out = Views.ref(r.getId(), r.getDate(), r.getTitle());
        out.put("url", origin.get("url"));
        out.put("provenance", origin.get("provenance"));
        return out;
    }

    private static Map<String, Object> scanSummary(ScanSummary scan) {
        if (scan == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scanId", scan.getScanId());
        out.put("status", scan.getStatus());
        out.put("reason", scan.getReason());
        out.put("startedAt", scan.getStartedAt());
        out.put("completedAt", scan.getCompletedAt());
        out.put("pages", scan.getPages());
        return out;
    }

    // ---- as a table

    static final List<String> CSV_HEADER = header();

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of(
                "nisCode", "name", "province", "centreCity", "validFrom", "validUntil", "successor",
                "website", "websiteConfidence", "scanned", "scanOutcome", "scanAt", "lastCompleteScanAt"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(kind.name() + "_present");
            header.add(kind.name() + "_firstSeen");
            header.add(kind.name() + "_lastSeen");
            header.add(kind.name() + "_lostAt");
            header.add(kind.name() + "_evidenceUrl");
            header.add(kind.name() + "_evidenceOrigin");
        }
        header.addAll(List.of("featuredIn", "presentedAt", "lastScanStatus", "lastScanReason", "lastScanCompletedAt", "lastScanPages"));
        return List.copyOf(header);
    }

    static Table table(String sheet, List<MunicipalityUptake> list, Provenance provenance) {
        return new Table(sheet, CSV_HEADER, list.stream().map(m -> row(m, provenance)).toList());
    }

    static List<Object> row(MunicipalityUptake m, Provenance provenance) {
        List<Object> row = new ArrayList<>(List.of(m.getNisCode(), m.getName(), m.getProvince(), m.getCentreCity()));
        row.add(m.getValidFrom());
        row.add(m.getValidUntil());
        row.add(m.getSuccessor());
        row.add(m.getWebsite());
        row.add(m.getWebsiteConfidence());
        Map<String, Object> scan = scan(m);
        row.add(scan.get("scanned"));
        row.add(scan.get("outcome"));
        row.add(scan.get("at"));
        row.add(scan.get("lastCompleteScanAt"));
        for (SignalKind kind : SignalKind.values()) {
            SignalState s = Views.state(m, kind);
            row.add(s.getPresent());
            row.add(s.getFirstSeen());
            row.add(s.getLastSeen());
            row.add(s.getLostAt());
            List<Evidence> evidence = Views.nullToEmpty(s.getEvidence());
            row.add(evidence.isEmpty() ? null : evidence.get(0).getUrl());
            row.add(evidence.isEmpty() ? null : Provenance.describe(provenance.origin(m, evidence.get(0))));
        }
        row.add(refDates(m.getFeaturedIn()));
        row.add(refDates(m.getPresentedAt()));
        ScanSummary last = m.getLastScan();
        row.add(last == null ? null : last.getStatus());
        row.add(last == null ? null : last.getReason());
        row.add(last == null ? null : last.getCompletedAt());
        row.add(last == null ? null : last.getPages());
        return row;
    }

    /** Dates of issues or sessions in one cell, separated by semicolons. */
    private static String refDates(List<SourceRef> refs) {
        return Views.nullToEmpty(refs).stream().sorted(Views.BY_DATE).map(r -> r.getDate().toString()).collect(Collectors.joining(";"));
    }
}
