package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published record with what call attribution needs beside it.
 *
 * <p>Merger rule: facts stay under the code in force when they happened. A municipality that
 * absorbed others publishes the union of its own record and theirs. A new code (validFrom = the
 * merger date) takes its predecessors' full history, which no as-of view before its validFrom
 * shows. A code that existed before the merger (11002 Antwerpen) takes its predecessors' facts
 * only from the merger date on, so its view before 2025 stays its own.
 */
final class Published {
    final MunicipalityUptake record;
    final CallIndex.Entry entry;

    private Published(MunicipalityUptake record, CallIndex.Entry entry) {
        this.record = record;
        this.entry = entry;
    }

    static Published of(MunicipalityUptake own, List<MunicipalityUptake> predecessors, int evidenceLimit) {
        predecessors = new ArrayList<>(predecessors);
        predecessors.sort(Comparator.comparing(MunicipalityUptake::getNisCode));
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            signals.put(kind.name(), own.getSignals().getOrDefault(kind.name(), UptakeMath.absent()));
        }
        Map<String, SourceRef> featured = new LinkedHashMap<>();
        Map<String, SourceRef> presented = new LinkedHashMap<>();
        own.getFeaturedIn().forEach(r -> featured.put(r.getId(), r));
        own.getPresentedAt().forEach(r -> presented.put(r.getId(), r));
        Instant updatedAt = own.getUpdatedAt();
        ScanSummary firstComplete = own.getFirstCompleteScan();
        ScanSummary lastComplete = own.getLastCompleteScan();
        LocalDate mergeDate = null;
        for (MunicipalityUptake p : predecessors) {
            LocalDate merged = p.getValidUntil() == null ? null : p.getValidUntil().plusDays(1);
            boolean clip = merged != null && (own.getValidFrom() == null || own.getValidFrom().isBefore(merged));
            if (merged != null && (mergeDate == null || merged.isBefore(mergeDate))) {
                mergeDate = merged;
            }
            for (SignalKind kind : SignalKind.values()) {
                SignalState s = p.getSignals().getOrDefault(kind.name(), UptakeMath.absent());
                if (clip) {
                    s = UptakeMath.clipFrom(s, UptakeMath.startOf(merged));
                }
                signals.put(kind.name(), UptakeMath.union(signals.get(kind.name()), s, evidenceLimit));
            }
            for (SourceRef r : p.getFeaturedIn()) {
                if (!clip || !r.getDate().isBefore(merged)) {
                    featured.putIfAbsent(r.getId(), r);
                }
            }
            for (SourceRef r : p.getPresentedAt()) {
                if (!clip || !r.getDate().isBefore(merged)) {
                    presented.putIfAbsent(r.getId(), r);
                }
            }
            // the scans that established the signals it carries: a predecessor's website state is known too
            Instant from = clip ? UptakeMath.startOf(merged) : null;
            firstComplete = earlier(firstComplete, completedFrom(p.getFirstCompleteScan(), from));
            firstComplete = earlier(firstComplete, completedFrom(p.getLastCompleteScan(), from));
            lastComplete = later(lastComplete, completedFrom(p.getLastCompleteScan(), from));
            updatedAt = UptakeMath.max(updatedAt, p.getUpdatedAt());
        }
        List<SourceRef> featuredIn = new ArrayList<>(featured.values());
        featuredIn.sort(UptakeMath.BY_DATE);
        List<SourceRef> presentedAt = new ArrayList<>(presented.values());
        presentedAt.sort(UptakeMath.BY_DATE);
        MunicipalityUptake record = MunicipalityUptake.newBuilder(own)
                .setSignals(signals)
                .setFeaturedIn(featuredIn)
                .setPresentedAt(presentedAt)
                .setFirstCompleteScan(firstComplete)
                .setLastCompleteScan(lastComplete)
                .setUpdatedAt(updatedAt)
                .build();

        CallIndex.Entry entry = new CallIndex.Entry();
        entry.nisCode = own.getNisCode();
        entry.validFrom = own.getValidFrom() == null ? null : (int) own.getValidFrom().toEpochDay();
        entry.validUntil = own.getValidUntil() == null ? null : (int) own.getValidUntil().toEpochDay();
        entry.mergeDate = mergeDate == null ? null : (int) mergeDate.toEpochDay();
        entry.ownFirst = millis(firstSiteAppearance(own));
        entry.first = millis(firstSiteAppearance(record));
        entry.updatedAt = updatedAt.toEpochMilli();
        return new Published(record, entry);
    }

    /** The scan, when it completed at or after {@code from} (null: any time). */
    private static ScanSummary completedFrom(ScanSummary scan, Instant from) {
        return scan == null || scan.getCompletedAt() == null || (from != null && scan.getCompletedAt().isBefore(from)) ? null : scan;
    }

    private static final Comparator<ScanSummary> BY_COMPLETION =
            Comparator.comparing(ScanSummary::getCompletedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static ScanSummary earlier(ScanSummary a, ScanSummary b) {
        return a == null ? b : b == null || BY_COMPLETION.compare(b, a) >= 0 ? a : b;
    }

    private static ScanSummary later(ScanSummary a, ScanSummary b) {
        return a == null ? b : b == null || BY_COMPLETION.compare(b, a) <= 0 ? a : b;
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    /** First appearance of SITE_LINK or SITE_MENTION, from the record's periods. */
    static Instant firstSiteAppearance(MunicipalityUptake r) {
        return UptakeMath.min(UptakeMath.firstAppearance(r.getSignals().get(SignalKind.SITE_LINK.name())),
                UptakeMath.firstAppearance(r.getSignals().get(SignalKind.SITE_MENTION.name())));
    }
}
