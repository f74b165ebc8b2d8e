package be.lokaalsignaal.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the serde and the start-up registration need.
 * Implementations cache: a schema id never changes its meaning, so ids and schemas are fetched once
 * per process.
 */
public interface SchemaRegistry {

    /** Compatibility level under which a subject accepts only versions that can read every earlier one. */
    String BACKWARD = "BACKWARD";

    /**
     * Returns the global id of the schema under the subject. Looks it up first, as Confluent's client
     * does, and registers it only when the subject does not have it yet: a schema already there is
     * never registered again, so the subject gets no new version.
     */
    default int register(String subject, Schema schema) {
        return register(subject, schema, null);
    }

    /**
     * As {@link #register(String, Schema)}, and keeps the subject at the given compatibility level
     * (null: leave the level as it is). The level is set before a new version is added to an existing
     * subject, so the registry checks that version against it, and right after the first version of a
     * new subject (Apicurio's ccompat API keeps no level for a subject that does not exist yet).
     *
     * @throws SchemaRegistryException when the registry refuses the schema, e.g. HTTP 409 for a schema
     *     that breaks the subject's compatibility
     */
    int register(String subject, Schema schema, String compatibility);

    /** Returns the id of a schema already registered under the subject; fails when it is not. */
    int lookup(String subject, Schema schema);

    /** The id and version of a schema already registered under the subject, asked of the registry (not cached). */
    RegisteredSchema find(String subject, Schema schema);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The schema with this global id. */
    Schema byId(int id);

    /** The compatibility level the registry applies to the subject (its own or the registry's default). */
    String compatibility(String subject);

    /** Sets the subject's compatibility level (Confluent's {@code PUT /config/{subject}}). */
    void setCompatibility(String subject, String level);

    /** A schema with its global id and its version within a subject. */
    record RegisteredSchema(int id, int version, Schema schema) {}
}
