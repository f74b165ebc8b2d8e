package be.lokaalsignaal.topics;

import be.lokaalsignaal.serde.AvroDeserializer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The current value per key of a small compacted topic (newsletter issues, sessions), held in
 * memory by every instance so any instance can list them. A tombstone removes the key.
 */
public final class TopicMirror<V extends SpecificRecord> implements AutoCloseable {
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final TopicFollower follower;

    public TopicMirror(Topics.Topic<V> topic, String bootstrapServers, Map<String, ?> serdeConfig) {
        AvroDeserializer<V> deserializer = new AvroDeserializer<>(topic.valueType(), serdeConfig, false);
        this.follower = new TopicFollower("mirror-" + topic.topicName(), bootstrapServers, List.of(topic.topicName()), record -> {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                values.remove(record.key());
            } else {
                values.put(record.key(), deserializer.deserialize(record.topic(), record.value()));
            }
        }, () -> { });
    }

    public TopicMirror<V> start() {
        follower.start();
        return this;
    }

    public List<V> values() {
        return List.copyOf(values.values());
    }

    @Override
    public void close() {
        follower.close();
    }
}
