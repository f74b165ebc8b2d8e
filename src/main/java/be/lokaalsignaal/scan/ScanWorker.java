package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.RegistryWait;
import be.lokaalsignaal.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawler worker: a member of the consumer group on scan-requests. Instances with the same group
 * share the requests; the requests of a worker that dies are redelivered to another, because an
 * offset is committed only once its crawl has ended (at-least-once: a redelivered request crawls
 * the site again under the same scan id).
 *
 * <p>Crawls take minutes, so they run in the crawler pool while this thread keeps polling; the
 * partitions are paused while the pool is full.
 */
public final class ScanWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanWorker.class);

    private final KafkaConsumer<String, ScanRequest> consumer;
    private final CrawlerPool pool;
    private final Publisher publisher;
    private final int maxInFlight;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    // per partition: offset -> done; committed up to the first offset not done
    private final Map<TopicPartition, NavigableMap<Long, Boolean>> inFlight = new HashMap<>();
    private final java.util.Queue<Map.Entry<TopicPartition, Long>> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public ScanWorker(String bootstrapServers, String groupId, Map<String, ?> serdeConfig, CrawlerPool pool, Publisher publisher, int maxInFlight) {
        this(bootstrapServers, groupId, null, serdeConfig, pool, publisher, maxInFlight);
    }

    /**
     * @param instanceId the worker's static id in the group (stable across its restarts), so that a
     *     worker that crashed and comes back takes its requests again at once; null for none
     */
    public ScanWorker(String bootstrapServers, String groupId, String instanceId, Map<String, ?> serdeConfig, CrawlerPool pool,
                      Publisher publisher, int maxInFlight) {
        Map<String, Object> config = new HashMap<>();
        if (instanceId != null) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, maxInFlight));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroDeserializer<>(ScanRequest.class, serdeConfig, false));
        this.pool = pool;
        this.publisher = publisher;
        this.maxInFlight = maxInFlight;
        this.thread = new Thread(this::loop, "scan-worker");
    }

    public ScanWorker start() {
        thread.start();
        return this;
    }

    private void loop() {
        consumer.subscribe(List.of(Topics.SCAN_REQUESTS.topicName()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commitFinished();
                partitions.forEach(inFlight::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
        });
        try {
            RegistryWait registryWait = new RegistryWait("the crawler worker");
            while (running.get()) {
                ConsumerRecords<String, ScanRequest> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                    registryWait.answered();
                } catch (RecordDeserializationException e) {
                    if (registryWait.pauseIfUnavailable(e)) {
                        // the request is not bad: read it again once the registry answers
                        consumer.seek(e.topicPartition(), e.offset());
                    } else {
                        log.warn("skipping an unreadable scan request at {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
                        consumer.seek(e.topicPartition(), e.offset() + 1);
                    }
                    continue;
                }
                for (ConsumerRecord<String, ScanRequest> record : records) {
                    submit(record);
                }
                commitFinished();
                if (inFlightCount() >= maxInFlight) {
                    consumer.pause(consumer.assignment());
                } else {
                    consumer.resume(consumer.paused());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("crawler worker stopped: {}", e.toString());
        } finally {
            try {
                commitFinished();
            } catch (RuntimeException e) {
                log.debug("final commit failed", e);
            }
            // a static member stays in the group on close unless it leaves: another worker takes its requests at once
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.groupMembershipOperation(
                    org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(2)));
        }
    }

    private void submit(ConsumerRecord<String, ScanRequest> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        inFlight.computeIfAbsent(tp, p -> new TreeMap<>()).put(record.offset(), false);
        ScanRequest request = record.value();
        if (request == null) {
            finished.add(Map.entry(tp, record.offset()));
            return;
        }
        pool.submit(request, new ScanListener() {
            @Override
            public void page(WebsitePage page) {
                publisher.publish(Topics.WEBSITE_PAGES, page.getNisCode(), page, page.getFetchedAt());
            }

            @Override
            public void scan(WebsiteScan scan) {
                publisher.publish(Topics.WEBSITE_SCANS, scan.getNisCode(), scan, scan.getCompletedAt() != null ? scan.getCompletedAt() : scan.getStartedAt());
            }
        }).whenComplete((scan, error) -> {
            if (error != null) {
                log.warn("crawl of {} ({}) failed: {}", request.getName(), request.getStartUrl(), error.toString());
            }
            publisher.flush();
            finished.add(Map.entry(tp, record.offset()));
        });
    }

    private int inFlightCount() {
        return inFlight.values().stream().mapToInt(m -> (int) m.values().stream().filter(done -> !done).count()).sum();
    }

    private void commitFinished() {
        Map.Entry<TopicPartition, Long> done;
        while ((done = finished.poll()) != null) {
            NavigableMap<Long, Boolean> offsets = inFlight.get(done.getKey());
            if (offsets != null && offsets.containsKey(done.getValue())) {
                offsets.put(done.getValue(), true);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        inFlight.forEach((tp, offsets) -> {
            Long upTo = null;
            while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
                upTo = offsets.pollFirstEntry().getKey();
            }
            if (upTo != null) {
                commit.put(tp, new OffsetAndMetadata(upTo + 1));
            }
        });
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
