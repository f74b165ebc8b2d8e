package be.lokaalsignaal.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory, reached through {@code mock://<scope>} URLs as with Confluent's
 * serializer. For topology tests (TopologyTestDriver) that have no registry to talk to. It checks no
 * compatibility; it only remembers the level each subject was given.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();
    private static final String DEFAULT_COMPATIBILITY = "NONE";

    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();
    private final Map<String, String> compatibilityBySubject = new ConcurrentHashMap<>();
    private int nextId;
    private volatile boolean unavailable;

    public InMemorySchemaRegistry(int firstId) {
        this.nextId = firstId;
    }

    /** The registry of a {@code mock://} scope, shared by every serde configured with it. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry(1));
    }

    /** Installs a registry under a scope, e.g. one whose ids start at a known number. */
    public static void installScope(String scope, InMemorySchemaRegistry registry) {
        SCOPES.put(scope, registry);
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** For tests of a registry outage: while set, every call fails as a registry that does not answer. */
    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void requireAvailable() {
        if (unavailable) {
            throw SchemaRegistryException.unreachable("in-memory schema registry is unavailable (test)", new java.io.IOException("connection refused"));
        }
    }

    @Override
    public synchronized int register(String subject, Schema schema, String compatibility) {
        requireAvailable();
        if (compatibility != null) {
            compatibilityBySubject.put(subject, compatibility);
        }
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : versions) {
            if (byId.get(id).equals(schema)) {
                return id;
            }
        }
        int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst().orElseGet(() -> nextId++);
        byId.put(id, schema);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        return find(subject, schema).id();
    }

    @Override
    public synchronized RegisteredSchema find(String subject, Schema schema) {
        requireAvailable();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("subject " + subject + " not found", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        for (int i = 0; i < versions.size(); i++) {
            if (byId.get(versions.get(i)).equals(schema)) {
                return new RegisteredSchema(versions.get(i), i + 1, schema);
            }
        }
        throw new SchemaRegistryException("schema not found under subject " + subject, 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        requireAvailable();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("subject " + subject + " not found", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(id, versions.size(), byId.get(id));
    }

    @Override
    public Schema byId(int id) {
        requireAvailable();
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("schema id " + id + " not found", 404);
        }
        return schema;
    }

    @Override
    public String compatibility(String subject) {
        return compatibilityBySubject.getOrDefault(subject, DEFAULT_COMPATIBILITY);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        compatibilityBySubject.put(subject, level);
    }
}
