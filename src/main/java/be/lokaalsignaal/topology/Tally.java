package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import java.util.List;

/** What one municipality adds to a total; small, so that the summary repartition stays small. */
final class Tally {
    boolean inForce;
    List<String> present;
    long updatedAt;

    static Tally of(MunicipalityUptake r) {
        Tally t = new Tally();
        t.inForce = UptakeViews.inForceNow(r);
        t.present = UptakeViews.presentKinds(r);
        t.updatedAt = r.getUpdatedAt().toEpochMilli();
        return t;
    }
}
