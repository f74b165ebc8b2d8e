package be.lokaalsignaal.app;

import be.lokaalsignaal.serve.Readiness;
import be.lokaalsignaal.serve.StoreUnavailableException;
import be.lokaalsignaal.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health that means the data is there. UP only once the topology has processed everything that
 * was published before start-up and every municipality of the register is in the store, so that a
 * client that waits for UP and then reads totals gets complete numbers; until then health says
 * what is missing.
 *
 * <p>"Processed" is read from the offsets the topology's consumer group committed (exactly-once:
 * what is committed is processed and its results are written). The input topics must reach the
 * end offsets they had right after this instance published the register and its sources. The
 * internal topics (repartitions, foreign-key join) carry what those inputs gave rise to: their
 * end offsets are taken again each time the group has caught up with them, until they stop
 * growing or the depth of the topology (five steps) is covered; what arrives after that is new
 * work, not start-up data. A partition behind its end only by transaction markers or aborted records
 * ({@link MarkerProbe}) has been reached. Once reached, readiness stays, unless the topology stops running.
 *
 * <p>The internal topics' ends are their high watermarks, not the ends a read-committed reader sees:
 * a transaction's commit markers reach the offsets topic and the data partitions independently, so
 * the group's new offset can be visible while the records the same transaction wrote are not yet
 * readable. Those records are in the log before the commit is even asked for, so the high watermark
 * counts them; a read-committed end taken in that moment would equal the previous one and end the
 * rounds one step early, with the last step's records unprocessed.
 */
final class DataReadiness implements Readiness, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DataReadiness.class);
    static final List<String> INPUTS = List.of(Topics.MUNICIPALITIES.topicName(), Topics.WEBSITE_PAGES.topicName(),
            Topics.WEBSITE_SCANS.topicName(), Topics.NEWSLETTER_ISSUES.topicName(), Topics.LEARNING_NETWORK_SESSIONS.topicName());
    private static final int INTERNAL_ROUNDS = 5;
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final int SHOW_CODES = 5;

    /** The NIS codes the topology's stores hold now, across every instance. */
    interface StoredCodes {
        Set<String> get() throws StoreUnavailableException;
    }

    private final String applicationId;
    private final List<String> inputs;
    private final Set<String> registerCodes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "data-readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile Admin admin;
    private volatile MarkerProbe markers;
    private volatile Map<TopicPartition, Long> inputTargets;
    private volatile KafkaStreams streams;
    private volatile StoredCodes stored;
    private volatile boolean ranOnce;
    private volatile boolean caughtUp;
    private volatile List<String> missing = List.of("the application is starting: Kafka, the schema registry and the sources");
    // touched by the timer thread only
    private Map<TopicPartition, Long> internalTargets;
    private int internalRound;
    private boolean internalDone;

    DataReadiness(String applicationId, Collection<String> registerCodes) {
        this(applicationId, INPUTS, registerCodes);
    }

    DataReadiness(String applicationId, List<String> inputs, Collection<String> registerCodes) {
        this.applicationId = applicationId;
        this.inputs = List.copyOf(inputs);
        this.registerCodes = new TreeSet<>(registerCodes);
    }

    /** The register and the sources are published: what the topology must reach is fixed now. */
    void inputsPublished(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
        markers = new MarkerProbe(bootstrapServers);
        try {
            inputTargets = endOffsets(inputs, IsolationLevel.READ_COMMITTED);
        } catch (Exception e) {
            // health then waits for the topology to be past every partition end known later
            log.warn("cannot read the end offsets of the input topics ({}); health waits for them", e.toString());
            inputTargets = null;
        }
        missing = List.of("the topology is starting");
    }

    /** Starts watching the running topology and its stores. */
    void watch(KafkaStreams streams, StoredCodes stored) {
        this.streams = streams;
        this.stored = stored;
        timer.scheduleWithFixedDelay(this::evaluateSafely, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The topology reached RUNNING. */
    void topologyRunning() {
        ranOnce = true;
    }

    @Override
    public Health check() {
        if (!caughtUp) {
            return Health.notReady(missing);
        }
        KafkaStreams s = streams;
        KafkaStreams.State state = s == null ? null : s.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING) {
            return Health.notReady(List.of("the topology is not running (" + state + ")"));
        }
        return Health.ready();
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (Exception e) {
            missing = List.of("cannot tell yet whether the topology has processed the data (" + e.getMessage() + ")");
        }
    }

    private void evaluate() throws Exception {
        if (caughtUp) {
            return;
        }
        if (!ranOnce) {
            missing = List.of("the topology is starting (" + (streams == null ? "not created" : streams.state()) + ")");
            return;
        }
        if (inputTargets == null) {
            inputTargets = endOffsets(inputs, IsolationLevel.READ_COMMITTED);
        }
        Map<TopicPartition, Long> committed = committed();
        List<String> waiting = new ArrayList<>();
        Map<String, Long> inputLag = lag(inputTargets, committed, markers);
        if (!inputLag.isEmpty()) {
            waiting.add("the topology has not yet processed " + total(inputLag) + " records published before start-up " + inputLag);
        } else if (!internalDone) {
            Map<String, Long> internalLag = advanceInternal(committed);
            if (!internalDone || !internalLag.isEmpty()) {
                waiting.add("the topology has not yet processed " + total(internalLag)
                        + " records it derived from them on its internal topics " + internalLag);
            }
        }
        if (waiting.isEmpty()) {
            Set<String> absent = absentCodes();
            if (!absent.isEmpty()) {
                waiting.add(absent.size() + " of the " + registerCodes.size() + " municipalities of the register are not in the store yet ("
                        + String.join(", ", absent.stream().limit(SHOW_CODES).toList()) + (absent.size() > SHOW_CODES ? ", ..." : "") + ")");
            }
        }
        if (waiting.isEmpty()) {
            caughtUp = true;
            missing = List.of();
            log.info("health is UP: the topology processed what was published before start-up and holds all {} municipalities of the register",
                    registerCodes.size());
            timer.shutdown();
            closeAdmin();
        } else {
            missing = List.copyOf(waiting);
        }
    }

    /**
     * Takes the end offsets of the internal topics again once the group has reached the last ones; returns the
     * records of the internal targets not yet committed. The lag is worked out once a check: the marker probe tells
     * a gap that stands still by seeing it at two calls.
     */
    private Map<String, Long> advanceInternal(Map<TopicPartition, Long> committed) throws Exception {
        if (internalTargets != null) {
            Map<String, Long> lag = lag(internalTargets, committed, markers);
            if (!lag.isEmpty()) {
                return lag;
            }
        }
        Map<TopicPartition, Long> now = endOffsets(internalTopics(), IsolationLevel.READ_UNCOMMITTED);
        if (now.equals(internalTargets) || internalRound >= INTERNAL_ROUNDS) {
            internalDone = true;
        } else {
            internalTargets = now;
            internalRound++;
        }
        return lag(internalTargets, committed, markers);
    }

    private Set<String> absentCodes() {
        try {
            Set<String> have = stored.get();
            Set<String> absent = new TreeSet<>(registerCodes);
            absent.removeAll(have);
            return absent;
        } catch (StoreUnavailableException e) {
            return registerCodes;
        }
    }

    private List<String> internalTopics() throws Exception {
        String prefix = applicationId + "-";
        return admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                .filter(t -> t.startsWith(prefix) && (t.endsWith("-repartition") || t.endsWith("-topic")))
                .sorted().toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics, IsolationLevel isolation) throws Exception {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.forEach((name, d) -> d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(isolation)).all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        offsets.forEach((tp, o) -> {
            if (o != null) {
                out.put(tp, o.offset());
            }
        });
        return out;
    }

    /**
     * Per topic, the records of the targets not yet committed; empty when every partition reached its target. A
     * partition behind only by transaction markers (and aborted records) has reached it.
     */
    private static Map<String, Long> lag(Map<TopicPartition, Long> targets, Map<TopicPartition, Long> committed, MarkerProbe markers) {
        Map<String, Long> out = new TreeMap<>();
        if (targets == null) {
            return out;
        }
        Map<TopicPartition, long[]> behind = new HashMap<>();
        targets.forEach((tp, target) -> {
            long at = committed.getOrDefault(tp, 0L);
            if (target > at) {
                behind.put(tp, new long[] {at, target});
            }
        });
        Set<TopicPartition> reached = behind.isEmpty() || markers == null ? Set.of() : markers.onlyMarkers(behind);
        behind.forEach((tp, range) -> {
            if (!reached.contains(tp)) {
                out.merge(tp.topic(), range[1] - range[0], Long::sum);
            }
        });
        return out;
    }

    private static long total(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    private void closeAdmin() {
        MarkerProbe m = markers;
        markers = null;
        if (m != null) {
            m.close();
        }
        Admin a = admin;
        admin = null;
        if (a != null) {
            // nothing it was asking matters any more: do not wait for answers
            a.close(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // the probe's consumer is the timer's: let a running check end before closing it
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAdmin();
    }
}
