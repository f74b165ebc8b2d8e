package be.lokaalsignaal.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells which partitions hold nothing a read-committed consumer would get between an offset and a target:
 * only transaction markers and records of aborted transactions.
 *
 * <p>Kafka Streams commits the offset after the last record it processed. The commit marker of the
 * transaction that wrote that record sits one offset further, and the group's offset moves past it only
 * with a later commit, which comes only with new records: a partition whose last write was a transaction
 * can stay "one behind" its end for good. Readiness asks this probe before it waits for such a partition.
 */
final class MarkerProbe implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int POLLS = 10;
    /**
     * Gaps this probe looks into: a marker per transaction, a few aborted records. A partition further behind
     * has records to process, and reading it here, every check during start-up, would only load the broker.
     */
    static final long MAX_GAP = 20;

    private final KafkaConsumer<byte[], byte[]> consumer;
    /** Partitions found to hold only markers between these offsets: partition to {from, to}. */
    private final Map<TopicPartition, long[]> known = new HashMap<>();

    MarkerProbe(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Of the partitions given with their {committed, target} offsets, those where a read-committed
     * consumer reading from the committed offset reaches the target without getting a record (only
     * partitions at most {@link #MAX_GAP} behind are looked into).
     */
    Set<TopicPartition> onlyMarkers(Map<TopicPartition, long[]> behind) {
        Set<TopicPartition> out = new HashSet<>();
        Map<TopicPartition, long[]> ask = new HashMap<>();
        behind.forEach((tp, range) -> {
            if (range[1] - range[0] > MAX_GAP) {
                return;
            }
            long[] k = known.get(tp);
            if (k != null && k[0] == range[0] && k[1] == range[1]) {
                out.add(tp);
            } else {
                ask.put(tp, range);
            }
        });
        if (ask.isEmpty()) {
            return out;
        }
        consumer.assign(List.copyOf(ask.keySet()));
        ask.forEach((tp, range) -> consumer.seek(tp, range[0]));
        Set<TopicPartition> holdRecords = new HashSet<>();
        Set<TopicPartition> open = new HashSet<>(ask.keySet());
        for (int i = 0; i < POLLS && !open.isEmpty(); i++) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < ask.get(tp)[1]) {
                    holdRecords.add(tp);
                }
            }
            open.removeIf(tp -> holdRecords.contains(tp) || consumer.position(tp) >= ask.get(tp)[1]);
        }
        ask.forEach((tp, range) -> {
            if (!holdRecords.contains(tp) && !open.contains(tp)) {
                known.put(tp, range);
                out.add(tp);
            }
        });
        consumer.unsubscribe();
        return out;
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
