package be.lokaalsignaal.topics;

import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One idempotent producer for the connectors of an instance: typed publishing to any topic, values
 * serialized with that topic's serde.
 */
public final class Publisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final TopicSerdes serdes;

    public Publisher(String bootstrapServers, TopicSerdes serdes, String clientId) {
        this.serdes = serdes;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public <V extends SpecificRecord> Future<RecordMetadata> publish(Topics.Topic<V> topic, String key, V value) {
        return publish(topic, key, value, null);
    }

    /** Publishes with the record timestamp set to when the fact happened (null: now). */
    public <V extends SpecificRecord> Future<RecordMetadata> publish(Topics.Topic<V> topic, String key, V value, java.time.Instant timestamp) {
        byte[] bytes = serdes.value(topic).serializer().serialize(topic.topicName(), value);
        return producer.send(new ProducerRecord<>(topic.topicName(), null, timestamp == null ? null : timestamp.toEpochMilli(), key, bytes));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(3));
    }
}
