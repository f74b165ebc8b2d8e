package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.SchemaRegistry;
import be.lokaalsignaal.serde.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the registry knows the schemas the records on the topics name. A record in the
 * Confluent wire format carries only a schema id; a registry whose database was lost or replaced
 * answers "schema id 7 not found" for every such record, so every query would fail. The first and
 * the last few records of each partition are read (the ids grow with time, so both ends cover the
 * oldest and the newest schemas) and their ids looked up.
 */
final class SchemaIdCheck {
    /** Records read at the end of each partition. */
    private static final int TAIL = 5;
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final byte MAGIC = 0;

    private SchemaIdCheck() {}

    /**
     * @param unknown turns (schema id, topic) into the error for an id the registry does not know
     * @throws UserError when an id is unknown or the registry cannot be asked
     */
    static void schemasKnown(String bootstrap, SchemaRegistry registry, List<String> topics, Unknown unknown) {
        Map<Integer, String> ids = sampleIds(bootstrap, topics);
        for (Map.Entry<Integer, String> id : ids.entrySet()) {
            try {
                registry.byId(id.getKey());
            } catch (SchemaRegistryException e) {
                if (e.status() == 404) {
                    throw unknown.error(id.getKey(), id.getValue());
                }
                throw new UserError("cannot check the schemas of the topics against the registry: " + e.getMessage(), e);
            }
        }
    }

    /** The error for a schema id the registry does not know. */
    interface Unknown {
        UserError error(int schemaId, String topic);
    }

    /** Schema id to a topic whose records name it, from both ends of every partition. */
    static Map<Integer, String> sampleIds(String bootstrap, List<String> topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // aborted records were written with ids of the same registry, so they count as well
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BOUND.toMillis());
        Map<Integer, String> ids = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(BOUND);
            for (String topic : topics) {
                existing.getOrDefault(topic, List.of()).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, BOUND);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, BOUND);
            List<TopicPartition> nonEmpty = partitions.stream().filter(tp -> ends.get(tp) > starts.get(tp)).toList();
            if (nonEmpty.isEmpty()) {
                return ids;
            }
            consumer.assign(nonEmpty);
            List<Function<TopicPartition, Long>> positions = List.of(starts::get, tp -> Math.max(starts.get(tp), ends.get(tp) - TAIL));
            for (Function<TopicPartition, Long> position : positions) {
                read(consumer, nonEmpty, position, ends, ids);
            }
        }
        return ids;
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                             Function<TopicPartition, Long> position, Map<TopicPartition, Long> ends, Map<Integer, String> ids) {
        partitions.forEach(tp -> consumer.seek(tp, position.apply(tp)));
        Set<TopicPartition> pending = new HashSet<>(partitions);
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                schemaId(record.value()).ifPresent(id -> ids.putIfAbsent(id, record.topic()));
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (pending.remove(tp)) {
                    consumer.pause(List.of(tp));
                }
            }
            // a partition whose remaining offsets are transaction markers yields no record
            pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
        }
        consumer.resume(consumer.paused());
    }

    private static java.util.Optional<Integer> schemaId(byte[] value) {
        if (value == null || value.length < 5 || value[0] != MAGIC) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ByteBuffer.wrap(value, 1, 4).getInt());
    }
}
