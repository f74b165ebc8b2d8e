package be.lokaalsignaal.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Reads every partition of some topics from the beginning and keeps following them, outside any
 * consumer group, so that each instance sees all records (small topics that every instance
 * mirrors). Only committed records are read.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    /** Handles one record; an exception skips the record, not the follower. */
    public interface Handler {
        void handle(ConsumerRecord<String, byte[]> record);
    }

    private final List<String> topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Handler handler;
    private final Runnable afterPoll;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final RegistryWait registryWait;

    public TopicFollower(String name, String bootstrapServers, List<String> topics, Handler handler, Runnable afterPoll) {
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.afterPoll = afterPoll;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::loop, name);
        this.registryWait = new RegistryWait(name);
        this.thread.setDaemon(true);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handleWaitingForRegistry(record);
                }
                afterPoll.run();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("{} stopped: {}", thread.getName(), e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** An unreadable record is skipped; one that met an unavailable registry is read again once it answers. */
    private void handleWaitingForRegistry(ConsumerRecord<String, byte[]> record) {
        while (running.get()) {
            try {
                handler.handle(record);
                registryWait.answered();
                return;
            } catch (RuntimeException e) {
                try {
                    if (!registryWait.pauseIfUnavailable(e)) {
                        log.debug("skipping an unreadable record on {}: {}", record.topic(), e.toString());
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
