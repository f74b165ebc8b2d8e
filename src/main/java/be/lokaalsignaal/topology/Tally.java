package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import java.util.List;

/** What one municipality adds to a total; small, so that the summary repartition stays small. */
final class Tally {
    boolean inForce;
    /** The kinds it counts for: present kinds, website kinds only when scanned. */
    List<String> present;
    boolean scanned;
    /** Outcome of its latest scan; null in tallies written before the scan counts existed. */
    String outcome;
    long updatedAt;

    static Tally of(MunicipalityUptake r) {
        Tally t = new Tally();
        t.inForce = UptakeViews.inForceNow(r);
        t.present = UptakeViews.countedKinds(r);
        t.scanned = UptakeViews.scanned(r);
        t.outcome = UptakeViews.scanOutcome(r);
        t.updatedAt = r.getUpdatedAt().toEpochMilli();
        return t;
    }
}
