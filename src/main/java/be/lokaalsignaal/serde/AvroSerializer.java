package be.lokaalsignaal.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format: magic byte 0, the 4-byte big-endian schema id,
 * then the Avro binary encoding. The subject is {@code <topic>-value} (or {@code -key}).
 *
 * <p>The schema under the subject is the record's schema without the Java code generator's
 * properties ({@link AvroSerdeConfig#REMOVE_JAVA_PROPERTIES}), that is, the schema file as written.
 * With {@code auto.register.schemas} (the default) it is looked up first and registered only when the
 * subject lacks it; without, it must be there already.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    static final byte MAGIC_BYTE = 0;

    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public AvroSerializer() {}

    public AvroSerializer(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (config == null) {
            throw new SerializationException("AvroSerializer used before configure(): set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = record.getSchema();
        // what is registered and looked up: the schema as its file has it, when asked (the default)
        Schema registered = config.removeJavaProperties() ? JavaProperties.removedFrom(schema) : schema;
        int id;
        try {
            if (config.useLatestVersion()) {
                SchemaRegistry.RegisteredSchema latest = config.registry().latest(subject);
                id = latest.id();
                // the record is written as the latest schema; the reader resolves it by id
                schema = latest.schema();
            } else if (config.autoRegister()) {
                id = config.registry().register(subject, registered, config.subjectCompatibility());
            } else {
                id = config.registry().lookup(subject, registered);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write a " + schema.getFullName() + " record to topic " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
