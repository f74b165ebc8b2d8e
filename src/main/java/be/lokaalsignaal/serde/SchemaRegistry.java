package be.lokaalsignaal.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the serde needs. Implementations cache: a
 * schema id never changes its meaning, so ids and schemas are fetched once per process.
 */
public interface SchemaRegistry {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject; fails when it is not. */
    int lookup(String subject, Schema schema);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The schema with this global id. */
    Schema byId(int id);

    /** A schema with its global id and its version within a subject. */
    record RegisteredSchema(int id, int version, Schema schema) {}
}
