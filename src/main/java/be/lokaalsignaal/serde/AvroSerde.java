package be.lokaalsignaal.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for a generated Avro class in the Confluent wire format. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer = new AvroSerializer<>();
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type) {
        this.deserializer = new AvroDeserializer<>(type);
    }

    /** A serde for the values of a topic, configured with the given serde configuration. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, Map<String, ?> configs) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
