package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning as another organisation would: a plain consumer, committed
 * records only, values through the project's Avro deserializer (or raw, for dead letters). Keeps
 * every record read and the latest value per key.
 */
final class TopicReader<V extends SpecificRecord> implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final AvroDeserializer<V> values;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Map<String, V> latest = new LinkedHashMap<>();

    private TopicReader(String bootstrap, String topic, AvroDeserializer<V> values) {
        this.topic = topic;
        this.values = values;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    static <V extends SpecificRecord> TopicReader<V> avro(String bootstrap, String registryUrl, String topic, Class<V> type) {
        return new TopicReader<>(bootstrap, topic, new AvroDeserializer<>(type, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false));
    }

    static TopicReader<SpecificRecord> raw(String bootstrap, String topic) {
        return new TopicReader<>(bootstrap, topic, null);
    }

    /** Reads what has arrived since the last call and returns the latest value per key (a tombstone removes the key). */
    Map<String, V> latest() {
        poll();
        return Map.copyOf(latest);
    }

    /** Reads until every partition is read to its current end (bounded by a minute); returns this reader. */
    TopicReader<V> toEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
            poll();
        }
        return this;
    }

    /** Every record read so far, oldest first per partition, values raw. */
    List<ConsumerRecord<String, byte[]>> records() {
        poll();
        return List.copyOf(records);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            records.add(r);
            if (values != null) {
                if (r.value() == null) {
                    latest.remove(r.key());
                } else {
                    latest.put(r.key(), values.deserialize(topic, r.value()));
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
