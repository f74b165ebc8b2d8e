package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (KRaft, broker and controller in one node) running inside this JVM,
 * for the all-in-one mode and the integration tests.
 *
 * <p>The log directory is {@code <dataDir>/kafka}. It is formatted on the first start and reused
 * afterwards, so topics, records, committed offsets and transaction state survive a restart.
 *
 * <p>Clients connect to the port of its {@link ServiceAddress} (127.0.0.1 by default; every
 * interface, advertised under a host name, for consumers on other machines). When other machines may
 * connect, a second listener on 127.0.0.1 serves this process's own clients and the broker's traffic
 * with itself, so neither depends on the advertised name resolving here.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** What the broker is called in messages about its port. */
    public static final String SERVICE = "the embedded Kafka broker";

    private static final String HOST = Ports.HOST;
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String LOCAL_LISTENER = "LOCAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String localBootstrapServers;
    private final Path logDir;
    private final DirLock lock;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String localBootstrapServers, Path logDir, DirLock lock) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.localBootstrapServers = localBootstrapServers;
        this.logDir = logDir;
        this.lock = lock;
    }

    /**
     * Starts the broker and returns once it accepts client requests.
     *
     * @param dataDir the data directory of the application; the broker keeps its logs in
     *     {@code dataDir/kafka}
     * @param port the client port on 127.0.0.1, or 0 for a free one
     * @throws IllegalStateException if the port is taken or the broker does not become ready
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, ServiceAddress.loopback(port));
    }

    /**
     * Starts the broker on the given address and returns once it accepts client requests.
     *
     * @throws IllegalStateException if the port is taken (and no fallback was asked for) or the broker
     *     does not become ready
     */
    public static EmbeddedKafka start(Path dataDir, ServiceAddress address) {
        long started = System.nanoTime();
        int brokerPort = address.choosePort(SERVICE);
        int controllerPort = Ports.freeOtherThan(brokerPort);
        int localPort = address.loopbackOnly() ? -1 : Ports.freeOtherThan(brokerPort, controllerPort);
        Listeners listeners = new Listeners(address, brokerPort, localPort, controllerPort);
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory " + logDir, e);
        }
        DirLock lock = lockDataDir(dataDir.toAbsolutePath(), logDir);
        try {
            return start(logDir, listeners, lock, started);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedKafka start(Path logDir, Listeners listeners, DirLock lock, long started) {
        KafkaConfig config = new KafkaConfig(brokerConfig(logDir, listeners), false);
        if (!Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            format(config);
        }

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafka kafka = new EmbeddedKafka(server, listeners.advertised(), listeners.local(), logDir, lock);
        try {
            server.startup();
            awaitReady(listeners.local());
        } catch (RuntimeException e) {
            kafka.close();
            if (hasCause(e, BindException.class)) {
                throw new IllegalStateException("Cannot start the embedded Kafka broker: port " + listeners.brokerPort()
                        + " on " + listeners.address().bindHost() + " or " + listeners.controllerPort() + " on " + HOST
                        + " is already in use", e);
            }
            throw new IllegalStateException("Cannot start the embedded Kafka broker on port " + listeners.brokerPort()
                    + " with data in " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Embedded Kafka broker ready on {} in {} ms (data in {})",
                listeners.advertised(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients of this broker, under its advertised host name. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The {@code bootstrap.servers} value for clients in this process: over the loopback interface. */
    public String localBootstrapServers() {
        return localBootstrapServers;
    }

    /**
     * For a broker that failed fatally (its log directory is gone or full) and is about to end the
     * process: {@link #close()} then leaves it as it is, since a shutdown would wait on the very
     * thread that reported the fault. The next start recovers the logs.
     */
    public synchronized void abandon() {
        closed = true;
    }

    /**
     * Stops the broker: a controlled shutdown that flushes the logs, so the next start needs no
     * recovery. Returns after at most about ten seconds even if the broker hangs.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        Thread stopper = new Thread(() -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Embedded Kafka broker did not shut down cleanly", e);
            }
        }, "embedded-kafka-shutdown");
        // a broker that hangs must not keep the application's JVM alive
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            // the lock stays taken: a new broker must not open logs that this one may still write
            log.warn("Embedded Kafka broker still stopping after {} s; leaving it behind (data in {})",
                    SHUTDOWN_TIMEOUT.toSeconds(), logDir);
        } else {
            lock.close();
            log.info("Embedded Kafka broker stopped in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /**
     * The broker's listeners: the one clients are told about, an optional one on 127.0.0.1 for this
     * process (-1: none, the first is on loopback already) and the controller's.
     */
    private record Listeners(ServiceAddress address, int brokerPort, int localPort, int controllerPort) {
        String advertised() {
            return address.advertisedHost() + ":" + brokerPort;
        }

        String local() {
            return localPort < 0 ? address.localHost() + ":" + brokerPort : HOST + ":" + localPort;
        }

        String interBroker() {
            return localPort < 0 ? BROKER_LISTENER : LOCAL_LISTENER;
        }

        String listeners() {
            return BROKER_LISTENER + "://" + address.bindHost() + ":" + brokerPort
                    + (localPort < 0 ? "" : "," + LOCAL_LISTENER + "://" + HOST + ":" + localPort)
                    + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort;
        }

        String advertisedListeners() {
            return BROKER_LISTENER + "://" + advertised() + (localPort < 0 ? "" : "," + LOCAL_LISTENER + "://" + HOST + ":" + localPort);
        }
    }

    private static Map<String, Object> brokerConfig(Path logDir, Listeners listeners) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + listeners.controllerPort());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", listeners.interBroker());
        props.put("listeners", listeners.listeners());
        props.put("advertised.listeners", listeners.advertisedListeners());
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + LOCAL_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        // one node: every internal topic has exactly one replica, and that one is enough
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions: less to create on the first start and to load on every start
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.num.partitions", "6");
        props.put("share.coordinator.state.topic.num.partitions", "1");

        // the application creates its topics with their configs; a typo must not create a topic
        props.put("auto.create.topics.enable", "false");
        // there is only ever one Streams instance to wait for in the all-in-one mode
        props.put("group.initial.rebalance.delay.ms", "0");
        // the broker registers and is unfenced after its first heartbeats: beat faster to start faster
        props.put("broker.heartbeat.interval.ms", "500");
        // Transactions V2 adds a partition to a transaction with the first produce request. When that request
        // comes while the producer's previous transaction is still writing its commit markers, the broker
        // retries for at most this long before it answers CONCURRENT_TRANSACTIONS. One node that writes the
        // markers of every partition itself takes longer than the default 100 ms under load (at start the
        // topology commits transactions over ~90 partitions back to back), and the producer then logs the
        // error and has its pipelined batches refused out of sequence. Waiting here is what the retry is for.
        props.put("add.partitions.to.txn.retry.backoff.max.ms", "5000");

        // sized for a laptop: small segments and indexes, few threads, a small cleaner buffer
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "2");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        props.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    /**
     * Refuses a data directory that another broker (in this JVM or another process) uses. Kafka's
     * own lock on the log directory is taken too late: by then a second controller has opened the
     * metadata log of the first, and a failing start may stop the whole JVM.
     */
    private static DirLock lockDataDir(Path dataDir, Path logDir) {
        return DirLock.acquire(dataDir.resolve("kafka.lock"),
                "Cannot start the embedded Kafka broker: another broker uses " + logDir);
    }

    private static void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + config.logDirs(), e);
        }
    }

    private static void awaitReady(String bootstrapServers) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    // only unfenced brokers are listed: once this node is, it serves produce and fetch
                    boolean listed = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes().get(3, TimeUnit.SECONDS)
                            .stream().anyMatch(node -> node.id() == NODE_ID);
                    if (listed) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Embedded Kafka broker on " + bootstrapServers
                                + " not ready after " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka broker on " + bootstrapServers
                            + " not ready after " + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
