package be.lokaalsignaal.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON object of a write request, read as strictly as query parameters: a field the endpoint
 * does not know, a field of the wrong type or a value out of bounds is a 400 that names the field;
 * nothing is guessed or silently dropped. {@code null} counts as absent.
 */
final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    static JsonBody parse(String body, Set<String> allowed) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null) {
            throw ApiException.badRequest("the body is empty; expected a JSON object with " + new TreeSet<>(allowed));
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body must be a JSON object, not " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("field '" + name + "' is not known here; expected " + new TreeSet<>(allowed));
            }
        }
        return new JsonBody(object);
    }

    boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** A text field, stripped; null when absent or blank unless required. */
    String text(String field, boolean required, int maxLength) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest("field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a string, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                throw ApiException.badRequest("field '" + field + "' is required and may not be empty");
            }
            return null;
        }
        if (text.length() > maxLength) {
            throw ApiException.badRequest("field '" + field + "' is longer than " + maxLength + " characters (" + text.length() + ")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                throw ApiException.badRequest("field '" + field + "' contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return text;
    }

    /** A date field YYYY-MM-DD; null when absent. */
    LocalDate date(String field) {
        String text = text(field, false, 40);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("field '" + field + "': '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A boolean field; false when absent. */
    boolean bool(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("field '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }
}
