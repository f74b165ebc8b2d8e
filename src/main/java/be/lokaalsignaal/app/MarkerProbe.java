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
    /** Polls of a probe into a large gap: the consumer skips an aborted transaction's records fetch by fetch. */
    private static final int LARGE_GAP_POLLS = 50;
    /**
     * Gaps this probe looks into at first sight: a marker per transaction, a few aborted records. A partition
     * further behind usually has records to process, and reading it every check during start-up would only load
     * the broker; it is looked into once the same gap is seen again (the group has not moved on it), since an
     * aborted transaction of more records at a partition's end would otherwise keep it "behind" for good.
     */
    static final long MAX_GAP = 20;

    private final KafkaConsumer<byte[], byte[]> consumer;
    /** Per partition, the last gap seen and, once looked into, whether it held only markers (null: not yet). */
    private final Map<TopicPartition, Gap> seen = new HashMap<>();

    private record Gap(long from, long to, Boolean onlyMarkers) {
        boolean same(long[] range) {
            return from == range[0] && to == range[1];
        }
    }

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
     * consumer reading from the committed offset reaches the target without getting a record (a partition
     * more than {@link #MAX_GAP} behind is looked into only when it was that far behind at the last call too).
     */
    Set<TopicPartition> onlyMarkers(Map<TopicPartition, long[]> behind) {
        Set<TopicPartition> out = new HashSet<>();
        Map<TopicPartition, long[]> ask = new HashMap<>();
        behind.forEach((tp, range) -> {
            Gap last = seen.get(tp);
            boolean again = last != null && last.same(range);
            if (again && last.onlyMarkers() != null) {
                if (last.onlyMarkers()) {
                    out.add(tp);
                }
            } else if (range[1] - range[0] <= MAX_GAP || again) {
                ask.put(tp, range);
            } else {
                seen.put(tp, new Gap(range[0], range[1], null));
            }
        });
        if (ask.isEmpty()) {
            return out;
        }
        consumer.assign(List.copyOf(ask.keySet()));
        ask.forEach((tp, range) -> consumer.seek(tp, range[0]));
        Set<TopicPartition> holdRecords = new HashSet<>();
        Set<TopicPartition> open = new HashSet<>(ask.keySet());
        int polls = ask.values().stream().anyMatch(range -> range[1] - range[0] > MAX_GAP) ? LARGE_GAP_POLLS : POLLS;
        for (int i = 0; i < polls && !open.isEmpty(); i++) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < ask.get(tp)[1]) {
                    holdRecords.add(tp);
                }
            }
            open.removeIf(tp -> holdRecords.contains(tp) || consumer.position(tp) >= ask.get(tp)[1]);
        }
        ask.forEach((tp, range) -> {
            if (!open.contains(tp)) {
                boolean markersOnly = !holdRecords.contains(tp);
                seen.put(tp, new Gap(range[0], range[1], markersOnly));
                if (markersOnly) {
                    out.add(tp);
                }
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
