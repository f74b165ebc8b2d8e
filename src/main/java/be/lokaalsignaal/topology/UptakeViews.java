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
        ScanSummary lastScan = record.getLastScan();
        if (lastScan != null && (lastScan.getStartedAt() == null || !lastScan.getStartedAt().isBefore(cutoff))) {
            lastScan = null;
        } else if (lastScan != null && lastScan.getCompletedAt() != null && !lastScan.getCompletedAt().isBefore(cutoff)) {
            lastScan = ScanSummary.newBuilder(lastScan).setStatus(OwnState.STARTED).setReason(null).setCompletedAt(null).setPages(0).build();
        }
        Instant updatedAt = record.getUpdatedAt().isBefore(cutoff) ? record.getUpdatedAt() : cutoff.minusMillis(1);
        return MunicipalityUptake.newBuilder(record)
                .setSignals(signals)
                .setFeaturedIn(featuredIn)
                .setPresentedAt(presentedAt)
                .setLastScan(lastScan)
                .setUpdatedAt(updatedAt)
                .build();
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
                out.put(scope, add(s, scope, presentKinds(r), r.getUpdatedAt(), +1));
            }
        }
        return out;
    }

    static UptakeSummary emptySummary(String scope) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), 0);
        }
        return new UptakeSummary(scope, 0, counts, Instant.EPOCH);
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

    /** Adds (+1) or removes (-1) one municipality with the given present kinds. */
    static UptakeSummary add(UptakeSummary s, String scope, List<String> presentKinds, Instant updatedAt, int sign) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), s.getCounts().getOrDefault(kind.name(), 0));
        }
        for (String kind : presentKinds) {
            counts.merge(kind, sign, Integer::sum);
        }
        Instant time = sign > 0 ? UptakeMath.max(s.getUpdatedAt(), updatedAt) : s.getUpdatedAt();
        return new UptakeSummary(scope, s.getMunicipalities() + sign, counts, time);
    }
}
