package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure functions over published records, shared by the topology and the serving layer so that an
 * as-of answer or a total is computed the same way everywhere. Dates are calendar days in UTC.
 */
public final class UptakeViews {
    public static final String FLANDERS = "FLANDERS";
    public static final String CENTRE_CITIES = "CENTRE_CITIES";
    public static final String PROVINCE_PREFIX = "PROVINCE:";

    /** Scan outcome: the latest scan was complete and judged. */
    public static final String OK = "OK";
    /** Scan outcome: the register knows no website (the scheduler records it as a FAILED scan with this reason). */
    public static final String NO_WEBSITE = "NO_WEBSITE";
    /** Scan outcome: no scan of the website has started yet. */
    public static final String NOT_SCANNED_YET = "NOT_SCANNED_YET";
    /** Scan outcome: the latest scan started and has not ended. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** Scan outcome: the latest scan ended COMPLETED but not every page it reported has arrived, so it proves nothing (yet). */
    public static final String INCOMPLETE = "INCOMPLETE";

    private UptakeViews() {}

    /** True when the municipality exists on {@code date} (validFrom and validUntil inclusive). */
    public static boolean inForce(MunicipalityUptake record, LocalDate date) {
        return (record.getValidFrom() == null || !record.getValidFrom().isAfter(date))
                && (record.getValidUntil() == null || !record.getValidUntil().isBefore(date));
    }

    /** True when the municipality exists today, i.e. has not been merged away. */
    public static boolean inForceNow(MunicipalityUptake record) {
        return record.getValidUntil() == null;
    }

    /**
     * The record as it stood at the end of {@code date}: a signal is present iff one of its periods
     * covers the date; periods, evidence, features and presentations after the date are cut; a
     * loss after the date is undone. lastSeen, when the real value lies after the date, becomes the
     * latest evidence or period start before it (a lower bound). lastScan is dropped when it
     * started after the date.
     */
    public static MunicipalityUptake asOf(MunicipalityUptake record, LocalDate date) {
        Instant cutoff = UptakeMath.startOf(date.plusDays(1));
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (Map.Entry<String, SignalState> e : record.getSignals().entrySet()) {
            signals.put(e.getKey(), UptakeMath.cutBefore(e.getValue(), cutoff));
        }
        List<SourceRef> featuredIn = new ArrayList<>(record.getFeaturedIn().stream().filter(r -> !r.getDate().isAfter(date)).toList());
        List<SourceRef> presentedAt = new ArrayList<>(record.getPresentedAt().stream().filter(r -> !r.getDate().isAfter(date)).toList());
        ScanSummary firstComplete = completedBefore(record.getFirstCompleteScan(), cutoff);
        ScanSummary lastComplete = completedBefore(record.getLastCompleteScan(), cutoff);
        if (lastComplete == null) {
            // the record keeps the first and the latest complete scan: between them the first is a lower bound
            lastComplete = firstComplete;
        }
        ScanSummary lastScan = record.getLastScan();
        if (lastScan != null && (lastScan.getStartedAt() == null || !lastScan.getStartedAt().isBefore(cutoff))) {
            // the latest scan began after the date: the latest complete scan known by then stands in for it
            lastScan = lastComplete;
        } else if (lastScan != null && lastScan.getCompletedAt() != null && !lastScan.getCompletedAt().isBefore(cutoff)) {
            lastScan = ScanSummary.newBuilder(lastScan).setStatus(OwnState.STARTED).setReason(null).setCompletedAt(null).setPages(0).build();
        }
        Instant updatedAt = record.getUpdatedAt().isBefore(cutoff) ? record.getUpdatedAt() : cutoff.minusMillis(1);
        return MunicipalityUptake.newBuilder(record)
                .setSignals(signals)
                .setFeaturedIn(featuredIn)
                .setPresentedAt(presentedAt)
                .setLastScan(lastScan)
                .setFirstCompleteScan(firstComplete)
                .setLastCompleteScan(lastComplete)
                .setUpdatedAt(updatedAt)
                .build();
    }

    private static ScanSummary completedBefore(ScanSummary scan, Instant cutoff) {
        return scan != null && scan.getCompletedAt() != null && scan.getCompletedAt().isBefore(cutoff) ? scan : null;
    }

    /**
     * True when the municipality is scanned: a complete scan of its website was judged (its
     * COMPLETED record and every page it reported arrived), so its website signals are known as of
     * that scan. A later failed scan does not undo it: absence needs proof, and so does ignorance
     * of what a complete scan showed. On an as-of view: scanned by the end of that date.
     */
    public static boolean scanned(MunicipalityUptake r) {
        return r.getFirstCompleteScan() != null;
    }

    /**
     * What the latest scan of the municipality's website came to: {@link #OK}, {@link #NO_WEBSITE},
     * {@link #NOT_SCANNED_YET}, {@link #IN_PROGRESS}, {@link #INCOMPLETE}, or the reason a FAILED
     * scan gives (UNREACHABLE, ROBOTS_DISALLOWED, INTERRUPTED, ERROR, ...; FAILED when it gives
     * none). A scanned municipality whose latest attempt failed has that failure as outcome.
     */
    public static String scanOutcome(MunicipalityUptake r) {
        ScanSummary last = r.getLastScan();
        if (last == null) {
            // scanned without a scan of its own: a merged municipality known from its predecessors' scans
            return scanned(r) ? OK : r.getWebsite() == null ? NO_WEBSITE : NOT_SCANNED_YET;
        }
        switch (last.getStatus()) {
            case OwnState.FAILED:
                return last.getReason() == null || last.getReason().isBlank() ? OwnState.FAILED : last.getReason();
            case OwnState.COMPLETED:
                ScanSummary judged = r.getLastCompleteScan();
                return judged != null && judged.getScanId().equals(last.getScanId()) ? OK : INCOMPLETE;
            default:
                return IN_PROGRESS;
        }
    }

    /**
     * The kinds a municipality counts for in totals: every present kind, except that website kinds
     * count only for a scanned municipality (the others' website is unknown, not without signals).
     */
    public static List<String> countedKinds(MunicipalityUptake r) {
        boolean scanned = scanned(r);
        List<String> kinds = new ArrayList<>();
        for (String kind : presentKinds(r)) {
            if (scanned || !SignalKind.valueOf(kind).fromWebsite()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The scopes a municipality counts in: FLANDERS, its province and, for a centre city, CENTRE_CITIES. */
    public static List<String> scopes(MunicipalityUptake record) {
        List<String> scopes = new ArrayList<>(3);
        scopes.add(FLANDERS);
        scopes.add(PROVINCE_PREFIX + record.getProvince());
        if (record.getCentreCity()) {
            scopes.add(CENTRE_CITIES);
        }
        return scopes;
    }

    /**
     * Totals per scope over the given records, every one of which is counted (pass the records in
     * force on the date of interest, as-of views for a past date). Equal to the uptake-summary
     * topic, apart from updatedAt, when given the current records with validUntil == null.
     */
    public static Map<String, UptakeSummary> summarize(Collection<MunicipalityUptake> inForce) {
        Map<String, UptakeSummary> out = new TreeMap<>();
        for (MunicipalityUptake r : inForce) {
            for (String scope : scopes(r)) {
                UptakeSummary s = out.computeIfAbsent(scope, UptakeViews::emptySummary);
                out.put(scope, add(s, scope, countedKinds(r), scanned(r), scanOutcome(r), r.getUpdatedAt(), +1));
            }
        }
        return out;
    }

    static UptakeSummary emptySummary(String scope) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), 0);
        }
        return UptakeSummary.newBuilder().setScope(scope).setMunicipalities(0).setCounts(counts)
                .setScanned(0).setNotScanned(0).setNotScannedByOutcome(new LinkedHashMap<>()).setUpdatedAt(Instant.EPOCH).build();
    }

    static List<String> presentKinds(MunicipalityUptake r) {
        List<String> kinds = new ArrayList<>();
        for (SignalKind kind : SignalKind.values()) {
            SignalState s = r.getSignals().get(kind.name());
            if (s != null && s.getPresent()) {
                kinds.add(kind.name());
            }
        }
        return kinds;
    }

    /**
     * Adds (+1) or removes (-1) one municipality with the kinds it counts for, whether it is
     * scanned and its scan outcome. A null outcome (a tally written before the scan counts
     * existed, whose removal must not take from counts it never added to) leaves them as they are.
     */
    static UptakeSummary add(UptakeSummary s, String scope, List<String> countedKinds, boolean scanned, String outcome,
            Instant updatedAt, int sign) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), s.getCounts().getOrDefault(kind.name(), 0));
        }
        for (String kind : countedKinds) {
            counts.merge(kind, sign, Integer::sum);
        }
        int scannedCount = s.getScanned();
        int notScanned = s.getNotScanned();
        Map<String, Integer> byOutcome = new TreeMap<>(s.getNotScannedByOutcome() == null ? Map.of() : s.getNotScannedByOutcome());
        if (outcome != null) {
            if (scanned) {
                scannedCount += sign;
            } else {
                notScanned += sign;
                byOutcome.merge(outcome, sign, Integer::sum);
                byOutcome.values().removeIf(n -> n == 0);
            }
        }
        Instant time = sign > 0 ? UptakeMath.max(s.getUpdatedAt(), updatedAt) : s.getUpdatedAt();
        return UptakeSummary.newBuilder().setScope(scope).setMunicipalities(s.getMunicipalities() + sign).setCounts(counts)
                .setScanned(scannedCount).setNotScanned(notScanned).setNotScannedByOutcome(new LinkedHashMap<>(byOutcome))
                .setUpdatedAt(time).build();
    }
}
