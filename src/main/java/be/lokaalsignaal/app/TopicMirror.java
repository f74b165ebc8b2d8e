package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current value per key of a small compacted topic (newsletter issues, sessions), held in
 * memory by every instance so any instance can list them. A tombstone removes the key.
 */
public final class TopicMirror<V extends SpecificRecord> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);

    private final Topics.Topic<V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<V> deserializer;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public TopicMirror(Topics.Topic<V> topic, String bootstrapServers, Map<String, ?> serdeConfig) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.deserializer = new AvroDeserializer<>(topic.valueType(), serdeConfig, false);
        this.thread = new Thread(this::loop, "mirror-" + topic.topicName());
        this.thread.setDaemon(true);
    }

    public TopicMirror<V> start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic.topicName()).forEach(p -> partitions.add(new TopicPartition(topic.topicName(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        values.remove(record.key());
                        continue;
                    }
                    try {
                        values.put(record.key(), deserializer.deserialize(record.topic(), record.value()));
                    } catch (RuntimeException e) {
                        log.debug("skipping an unreadable record on {}: {}", topic, e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("mirror of {} stopped: {}", topic, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    public List<V> values() {
        return List.copyOf(values.values());
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
