package be.lokaalsignaal.examples;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of {@code municipality-uptake}, one record per municipality, as another organisation
 * would write it (see docs/consuming.md). The key is the five-digit NIS code; the value is the
 * municipality's whole current state, so the latest record per key is all there is to keep. A null
 * value (a tombstone) would mean the municipality is no longer published: drop it.
 *
 * <pre>
 * java -cp target/test-classes:target/lokaal-signaal-all.jar be.lokaalsignaal.examples.UptakeConsumer \
 *     127.0.0.1:9092 http://127.0.0.1:8081/apis/ccompat/v7 vvsg-uptake
 * </pre>
 */
public final class UptakeConsumer implements AutoCloseable {
    public static final String TOPIC = "municipality-uptake";

    private final KafkaConsumer<String, MunicipalityUptake> consumer;

    public UptakeConsumer(Properties config) {
        Map<String, Object> serde = new HashMap<>();
        config.forEach((k, v) -> serde.put(k.toString(), v));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroDeserializer<>(MunicipalityUptake.class, serde, false));
        consumer.subscribe(List.of(TOPIC));
    }

    /**
     * The consumer settings that matter.
     *
     * @param groupId one stable id per application that reads the topic: its committed offsets are where a
     *     restart goes on; a new id (or offsets reset to the earliest) reads everything again
     */
    public static Properties config(String bootstrapServers, String schemaRegistryUrl, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // the topology writes in transactions: read only what they committed, never a record of an aborted one
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a group without offsets starts at the beginning: the compacted topic holds every municipality's latest record
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // offsets are committed after the records are handled, so a crash re-reads rather than skips
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return config;
    }

    /**
     * Polls once and hands every record to the handler, a null value for a tombstone; then commits.
     *
     * @return the number of records handled
     */
    public int poll(Duration timeout, BiConsumer<String, MunicipalityUptake> handler) {
        ConsumerRecords<String, MunicipalityUptake> records = consumer.poll(timeout);
        for (ConsumerRecord<String, MunicipalityUptake> record : records) {
            handler.accept(record.key(), record.value());
        }
        if (!records.isEmpty()) {
            consumer.commitSync();
        }
        return records.count();
    }

    /** Makes a poll in another thread return at once (with a WakeupException): the way to stop. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** One line per record: the municipality and the signals present now. */
    static String describe(String nisCode, MunicipalityUptake uptake) {
        if (uptake == null) {
            return nisCode + " no longer published";
        }
        StringBuilder line = new StringBuilder(nisCode + " " + uptake.getName() + ":");
        for (Map.Entry<String, SignalState> signal : uptake.getSignals().entrySet()) {
            if (signal.getValue().getPresent()) {
                line.append(' ').append(signal.getKey()).append(" since ").append(signal.getValue().getFirstSeen());
            }
        }
        return line.toString();
    }

    /** Prints every municipality as its record comes in, from the group's last commit on, until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: UptakeConsumer BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL GROUP_ID");
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        UptakeConsumer uptake = new UptakeConsumer(config(args[0], args[1], args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            uptake.wakeup();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (uptake) {
            while (true) {
                uptake.poll(Duration.ofSeconds(1), (nis, record) -> System.out.println(describe(nis, record)));
            }
        } catch (WakeupException stopping) {
            // Ctrl-C
        } finally {
            stopped.countDown();
        }
    }
}
