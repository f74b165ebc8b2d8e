package be.lokaalsignaal.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro into a generated SpecificRecord class. The writer's schema is
 * fetched by the id in the message, so records written with an older or newer compatible schema
 * are resolved into the reader's class (schema evolution).
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final Class<T> type;
    private final Schema readerSchema;
    private AvroSerdeConfig config;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer(Class<T> type) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    public AvroDeserializer(Class<T> type, Map<String, ?> configs, boolean isKey) {
        this(type);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new SerializationException("AvroDeserializer used before configure(): set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (data.length < 5 || buffer.get() != AvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("record on topic " + topic + " is not in the Confluent Avro wire format (expected magic byte 0 and a schema id; got "
                    + data.length + " bytes starting with " + (data.length == 0 ? "nothing" : String.format("0x%02x", data[0])) + ")");
        }
        int id = buffer.getInt();
        try {
            DatumReader<T> reader = readers.computeIfAbsent(id, i -> new SpecificDatumReader<>(config.registry().byId(i), readerSchema, SpecificData.getForClass(type)));
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
            return reader.read(null, decoder);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot fetch writer schema id " + id + " for a record on topic " + topic + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SerializationException("cannot read a record on topic " + topic + " (schema id " + id + ") as " + type.getSimpleName() + ": " + e, e);
        }
    }
}
