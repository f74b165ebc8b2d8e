package be.lokaalsignaal.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pages of one scan of one municipality showed, per website kind: the first and last
 * sighting and the newest evidence items. Only a page with a match updates it; it is folded into
 * the own state whenever that is rebuilt, and dropped with its scan.
 */
final class ScanSightings {
    Map<String, Kind> kinds = new TreeMap<>();

    static final class Kind {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        /** Newest first, at most the evidence limit, each with the whole match behind it (rule, page content hash). */
        List<KeptEvidence> evidence = new ArrayList<>();
    }

    void add(String kind, KeptEvidence ev, int evidenceLimit) {
        Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
        k.first = Math.min(k.first, ev.seenAt);
        k.last = Math.max(k.last, ev.seenAt);
        k.evidence = KeptEvidence.merge(k.evidence, ev, evidenceLimit);
    }
}
