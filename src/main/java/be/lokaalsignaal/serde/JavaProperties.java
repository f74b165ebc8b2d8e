package be.lokaalsignaal.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Removes what the Java code generator adds to a schema ({@code "avro.java.string": "String"} on every
 * string, {@code java-class} and its kin), the equivalent of Confluent's
 * {@code avro.remove.java.properties}. What remains is the schema as its {@code .avsc} file has it,
 * so a client in any language that registers the file finds the same schema under the subject.
 */
public final class JavaProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    // few schemas (one per generated class and registry answer), asked for on every record written
    private static final Map<Schema, Schema> REMOVED = new ConcurrentHashMap<>();

    private JavaProperties() {}

    /** The schema without Java-specific properties; the same object when it has none. */
    public static Schema removedFrom(Schema schema) {
        Schema cached = REMOVED.get(schema);
        if (cached != null) {
            return cached;
        }
        Schema removed = remove(schema);
        REMOVED.putIfAbsent(schema, removed);
        return removed;
    }

    /** True for a property that only tells the Java code generator or the Java runtime what to do. */
    static boolean isJavaProperty(String name) {
        return name.startsWith("avro.java.") || name.startsWith("java-");
    }

    private static Schema remove(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            if (!strip(tree)) {
                return schema;
            }
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro printed a schema that is not JSON: " + schema.getFullName(), e);
        }
    }

    /** Strips the properties everywhere in the tree (records, fields, unions, arrays, maps); true when it removed any. */
    private static boolean strip(JsonNode node) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (isJavaProperty(names.next())) {
                    names.remove();
                    changed = true;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // a default is a value, not a schema: its keys are data
                if (!"default".equals(field.getKey())) {
                    changed |= strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                changed |= strip(child);
            }
        }
        return changed;
    }
}
