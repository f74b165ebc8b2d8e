package be.lokaalsignaal.topics;

import be.lokaalsignaal.serde.AvroSerde;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of every topic, configured once from the serde configuration (Confluent key names:
 * {@code schema.registry.url}, {@code auto.register.schemas}, ...). Keys are strings everywhere.
 */
public final class TopicSerdes {
    private final Map<String, ?> serdeConfig;
    private final Map<Class<?>, AvroSerde<?>> serdes = new ConcurrentHashMap<>();

    public TopicSerdes(Map<String, ?> serdeConfig) {
        this.serdeConfig = Map.copyOf(serdeConfig);
    }

    public Map<String, ?> config() {
        return serdeConfig;
    }

    public Serde<String> key() {
        return Serdes.String();
    }

    /** The value serde of a topic. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> Serde<V> value(Topics.Topic<V> topic) {
        return of(topic.valueType());
    }

    /** A value serde for a generated class that is not the value of a topic (e.g. a store). */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> Serde<V> of(Class<V> type) {
        return (Serde<V>) serdes.computeIfAbsent(type, t -> AvroSerde.forValues(type, serdeConfig));
    }
}
