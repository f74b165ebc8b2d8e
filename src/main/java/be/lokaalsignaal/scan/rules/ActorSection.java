package be.lokaalsignaal.scan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The actors section of signals.yml: who acts on a page (the municipality by its name, its services, "wij"; other
 * municipalities, governments and organisations), its placeholders standing for the names of the register.
 */
final class ActorSection {

    private static final String OWN_NAME = "{gemeente}";
    private static final String OTHER_NAMES = "{andere gemeente}";

    private final CatalogueFields fields;
    private final CataloguePhrases phrases;

    ActorSection(CatalogueFields fields, CataloguePhrases phrases) {
        this.fields = fields;
        this.phrases = phrases;
    }

    Actors read(JsonNode n) {
        if (n.isMissingNode()) {
            return Actors.NONE;
        }
        if (!n.isObject()) {
            throw fields.fail("actors", "expected a mapping with own, local, outside, others, nameParts, places, partners, "
                    + "joins, together, we and says");
        }
        fields.onlyKeys(n, "actors", Set.of("own", "local", "outside", "others", "nameParts", "places", "partners",
                "joins", "together", "we", "says"));
        boolean[] ownName = new boolean[1];
        boolean[] otherNames = new boolean[1];
        List<Phrase> own = actorList(n, "own", OWN_NAME, ownName);
        List<Phrase> local = actorList(n, "local", null, null);
        List<Phrase> outside = actorList(n, "outside", OTHER_NAMES, otherNames);
        return new Actors(own, local, outside, actorList(n, "others", null, null), actorList(n, "nameParts", null, null),
                actorList(n, "places", null, null), actorList(n, "partners", null, null),
                actorList(n, "joins", null, null), actorList(n, "together", null, null), actorList(n, "we", null, null),
                actorList(n, "says", null, null), ownName[0], otherNames[0]);
    }

    private List<Phrase> actorList(JsonNode actors, String field, String placeholder, boolean[] seen) {
        JsonNode n = actors.path(field);
        String path = "actors." + field;
        if (n.isMissingNode()) {
            return List.of();
        }
        fields.requireArray(n, path);
        List<Phrase> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            if (p.isTextual() && p.asText().strip().equals(placeholder)) {
                seen[0] = true;
            } else if (p.isTextual() && p.asText().contains("{")) {
                throw fields.fail(path + "[" + i + "]", "unknown placeholder in '" + p.asText() + "'; "
                        + (placeholder == null ? "none is known here" : "only " + placeholder + " is known here"));
            } else {
                out.addAll(phrases.phrase(p, path + "[" + i + "]", true, true));
            }
        }
        return out;
    }
}
