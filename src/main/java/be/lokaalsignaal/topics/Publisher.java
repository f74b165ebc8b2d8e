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
    private volatile boolean closed;

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

    /**
     * Publishes with the record timestamp set to when the fact happened (null: now). While the schema
     * registry does not answer, the caller waits (a crawler, a connector) and the record is published
     * once it answers: a fact is never dropped for want of a schema id.
     *
     * @throws IllegalStateException when the publisher is closed or its thread interrupted while it waits
     */
    public <V extends SpecificRecord> Future<RecordMetadata> publish(Topics.Topic<V> topic, String key, V value, java.time.Instant timestamp) {
        byte[] bytes = serialize(topic, value);
        return producer.send(new ProducerRecord<>(topic.topicName(), null, timestamp == null ? null : timestamp.toEpochMilli(), key, bytes));
    }

    private <V extends SpecificRecord> byte[] serialize(Topics.Topic<V> topic, V value) {
        RegistryWait wait = new RegistryWait("publishing to " + topic.topicName());
        while (true) {
            try {
                byte[] bytes = serdes.value(topic).serializer().serialize(topic.topicName(), value);
                wait.answered();
                return bytes;
            } catch (RuntimeException e) {
                try {
                    if (closed || !wait.pauseIfUnavailable(e)) {
                        throw e;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the schema registry to publish to " + topic, e);
                }
            }
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        closed = true;
        producer.close(java.time.Duration.ofSeconds(3));
    }
}
