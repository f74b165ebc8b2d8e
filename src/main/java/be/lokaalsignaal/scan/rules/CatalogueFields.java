package be.lokaalsignaal.scan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks every section of signals.yml shares, each error naming the file and the field it is about. */
final class CatalogueFields {

    private final String source;

    CatalogueFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    String text(JsonNode n, String path, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(path + "." + field, "missing");
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw fail(path + "." + field, "expected a non-empty text");
        }
        return v.asText().strip();
    }

    /** An optional true/false key of a mapping; false when it is missing. */
    boolean flag(JsonNode n, String path, String key) {
        JsonNode value = n.path(key);
        if (!value.isMissingNode() && !value.isBoolean()) {
            throw fail(path + "." + key, "expected true or false, found '" + value.asText() + "'");
        }
        return value.asBoolean(false);
    }

    void requireArray(JsonNode n, String path) {
        if (!n.isArray()) {
            throw fail(path, "expected a list");
        }
    }

    void onlyKeys(JsonNode n, String path, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowed.contains(key)) {
                throw fail(path.isEmpty() ? key : path + "." + key,
                        "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    CatalogueException fail(String path, String message) {
        return new CatalogueException(source + (path.isEmpty() ? "" : ": " + path) + ": " + message);
    }
}
