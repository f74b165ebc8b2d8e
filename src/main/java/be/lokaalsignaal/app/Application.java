package be.lokaalsignaal.app;

import be.lokaalsignaal.metrics.AppMetrics;
import be.lokaalsignaal.metrics.ScanMetrics;
import be.lokaalsignaal.register.RegisterLoad;
import be.lokaalsignaal.scan.ScanScheduler;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import be.lokaalsignaal.serde.SchemaRegistry;
import be.lokaalsignaal.serve.About;
import be.lokaalsignaal.serve.HttpApi;
import be.lokaalsignaal.serve.PeerSecret;
import be.lokaalsignaal.serve.Readiness;
import be.lokaalsignaal.serve.StreamsUptakeSource;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topology.UptakeStores;
import be.lokaalsignaal.topology.UptakeTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance: the embedded services (unless a cluster is given), the topics, the
 * sources, the crawler workers, the topology and the HTTP server. Parts stop in the reverse order
 * of their start: HTTP, Streams, clients, registry, broker.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOPOLOGY_START_WAIT = Duration.ofSeconds(60);
    /** How long the embedded registry waits on JVM exit for this application to close it in order. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(20);

    private final Deque<Part> started = new ArrayDeque<>();
    private final AtomicBoolean ready = new AtomicBoolean();
    // health says UP only once the stores can answer: before the first RUNNING every query would be 503
    private final AtomicBoolean topologyRanOnce = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<About.Info> about = new AtomicReference<>();
    private volatile UptakeStores stores;
    private volatile ScanScheduler scheduler;
    private volatile KafkaConnection kafka;
    private volatile boolean brokerHaltInstalled;

    private Application() {}

    public static Application start(Settings settings) {
        Application app = new Application();
        try {
            app.startParts(settings);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startParts(Settings settings) {
        long begin = System.nanoTime();
        // user input first: a bad register file fails before any service starts
        RegisterLoad register = Connectors.loadRegister(settings);
        SignalCatalogue catalogue = Scanning.loadCatalogue(settings);
        AppMetrics metrics = new AppMetrics();
        started.push(new Part("metrics", metrics));
        // the HTTP port first: a port in use fails at once, and health reports STARTING meanwhile
        HostInfo self = new HostInfo(settings.advertisedHost(), settings.httpPort());
        TopicMirrors mirrors = new TopicMirrors();
        StreamsUptakeSource views = new StreamsUptakeSource(self, Clock.system(Scanning.BRUSSELS), QUERY_TIMEOUT,
                mirrors::scanProgress, mirrors::issues, mirrors::sessions, PeerSecret.inDataDir(settings.dataDir()));
        Reviewing reviewing = Reviewing.configure(settings, views, Clock.system(Scanning.BRUSSELS));
        DataReadiness data = new DataReadiness(settings.applicationId(),
                register.register().all().stream().map(be.lokaalsignaal.avro.Municipality::getNisCode).toList());
        HttpApi http = HttpServers.start(settings, () -> health(data), views, config -> {
            metrics.extend(config);
            config.router.mount(routes -> routes.get(About.PATH, ctx -> About.handle(ctx, about::get)));
            config.router.mount(reviewing.endpoints()::mount);
        });
        started.push(new Part("HTTP server", http));
        ScanMetrics.bindRound(metrics.registry(), mirrors::scanProgress);

        if (settings.embedded()) {
            // the broker halts the JVM on a full disk: stop the rest in order first, and say so
            brokerHaltInstalled = true;
            BrokerHalt.install(settings.dataDir(), () -> {
                KafkaConnection connection = this.kafka;
                if (connection != null) {
                    connection.abandonBroker();
                }
                close();
            });
        }
        KafkaConnection kafka = KafkaConnection.open(settings.dataDir(), settings.bootstrapServers(), settings.schemaRegistryUrl(), settings.registryUserInfo(),
                settings.embeddedPorts().kafka(settings.httpHost(), settings.advertisedHost()),
                settings.embeddedPorts().registry(settings.httpHost(), settings.advertisedHost()));
        started.push(new Part("Kafka connection", kafka));
        this.kafka = kafka;
        kafka.closedInOrderOnExit(EXIT_GRACE);
        kafka.createTopics(settings.partitions(), settings.replicationFactor());
        String bootstrap = kafka.bootstrapServers();
        String registryUrl = kafka.registryUrl();
        RegistryWatch registryWatch = new RegistryWatch(registryUrl, settings.registryUserInfo(), kafka::registryOutage).start();
        started.push(new Part("registry watch", registryWatch));
        http.reportOutage(registryWatch::outage);
        TopicSerdes serdes = new TopicSerdes(serdeConfig(registryUrl, settings.registryUserInfo()));
        // the contract first: every subject holds the schema files before the first record is written
        about.set(new About.Info(kafka.advertisedBootstrapServers(), kafka.advertisedRegistryUrl(), kafka.embedded(),
                SchemaRegistration.registerAll(AvroSerdeConfig.from(serdes.config()).registry())));

        Publisher publisher = new Publisher(bootstrap, serdes, settings.applicationId() + "-connectors");
        started.push(new Part("producer", publisher));
        Connectors connectors = new Connectors(publisher, Clock.systemUTC(), metrics::sourceError);
        started.push(new Part("connectors", connectors));

        mirrors.start(bootstrap, serdes.config());
        started.push(new Part("topic mirrors", mirrors));
        reviewing.connect(bootstrap, serdes, publisher, started::push);

        Properties streamsConfig = UptakeTopology.streamsConfig(settings.applicationId(), bootstrap, serdes.config(),
                settings.dataDir().resolve("streams"), settings.replicationFactor());
        streamsConfig.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        streamsConfig.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        // static membership: an instance that crashed and comes back takes its place in the group at once,
        // instead of the group waiting out the dead member's session (45 s) before anything runs
        streamsConfig.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(settings, "topology"));
        KafkaStreams streams = new KafkaStreams(UptakeTopology.buildTopology(serdes, UptakeTopology.Options.defaults()), streamsConfig);
        metrics.bind(streams);
        streams.setUncaughtExceptionHandler(new StreamThreadFailures());
        UptakeStores stores = new UptakeStores(streams, QUERY_TIMEOUT);
        this.stores = stores;
        started.push(new Part("Kafka Streams", () -> {
            stores.close();
            // leave the group: otherwise the other instances wait out the session timeout (45 s)
            // before they take over this one's partitions, and its keys answer 503 meanwhile
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }));
        streams.setStateListener((now, before) -> {
            stores.topologyStateChanged();
            if (now == KafkaStreams.State.RUNNING) {
                topologyRanOnce.set(true);
                data.topologyRunning();
            }
        });
        streams.start();
        views.attach(streams, stores, nis -> register.register().byNis(nis).isPresent());
        // published while the topology joins its group and opens its stores, not before: both take seconds
        connectors.publishRegister(register);
        connectors.publishSources(settings, register.register());
        // stopped before the Kafka connection, so that it asks nothing of a broker that is going away
        started.push(new Part("readiness", data));
        data.inputsPublished(bootstrap);
        data.watch(streams, views::storedCodes);
        if (settings.crawler()) {
            scheduler = Scanning.start(settings, catalogue, register.register(), bootstrap, serdes, publisher, started::push, metrics);
        }
        reviewing.scansThrough(scheduler, publisher, register.register(), Clock.system(Scanning.BRUSSELS));

        awaitTopologyRunning(TOPOLOGY_START_WAIT);
        ready.set(true);
        log.info("lokaal-signaal is up in {} ms: dashboard and API at http://{}:{}/, Kafka bootstrap servers {}, schema registry {}",
                (System.nanoTime() - begin) / 1_000_000, settings.advertisedHost(), http.port(), kafka.advertisedBootstrapServers(),
                kafka.advertisedRegistryUrl());
    }

    /** UP when the data is there and every part of this instance has started. */
    private Readiness.Health health(DataReadiness data) {
        Readiness.Health health = data.check();
        if (health.up() && !ready.get()) {
            return Readiness.Health.notReady(java.util.List.of("the application is starting its crawler and scan scheduler"));
        }
        return health;
    }

    /**
     * Start returns once the stores can answer (the first rebalance takes a few seconds); a cluster
     * that is slower than the bound leaves health at STARTING until the topology runs.
     */
    private void awaitTopologyRunning(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!topologyRanOnce.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!topologyRanOnce.get()) {
            log.warn("the uptake topology is not running after {} s; health stays STARTING until it is", bound.toSeconds());
        }
    }

    /**
     * The id this instance has in a consumer group across its restarts: the application, the role and
     * the address other instances reach it on, which no other running instance has.
     */
    static String instanceId(Settings settings, String role) {
        return settings.applicationId() + "-" + role + "-" + settings.advertisedHost() + "-" + settings.httpPort();
    }

    /**
     * The serde configuration for a registry, with basic authentication when user info is given: the
     * schema files registered as written, every subject the serdes register under kept BACKWARD.
     */
    public static Map<String, Object> serdeConfig(String registryUrl, String userInfo) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.REMOVE_JAVA_PROPERTIES, true);
        config.put(AvroSerdeConfig.SUBJECT_COMPATIBILITY, SchemaRegistry.BACKWARD);
        if (userInfo != null) {
            config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
        }
        return config;
    }

    /** The {@code bootstrap.servers} of the cluster this instance uses, embedded or given. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The Confluent-compatible URL of the schema registry this instance uses, embedded or given. */
    public String schemaRegistryUrl() {
        return kafka.registryUrl();
    }

    /** What {@code GET /api/about} shows: the addresses for consumers elsewhere and the registered schemas; null while starting. */
    public About.Info about() {
        return about.get();
    }

    /** The Kafka cluster and the schema registry this instance uses, embedded or given. */
    KafkaConnection kafka() {
        return kafka;
    }

    /** The store queries of this instance's topology (its local partitions only). */
    UptakeStores stores() {
        return stores;
    }

    /** The scan scheduler of this instance; null when it runs no crawler. */
    ScanScheduler scanScheduler() {
        return scheduler;
    }

    public boolean ready() {
        return ready.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean wasUp = ready.getAndSet(false);
        long begin = System.nanoTime();
        StringBuilder took = new StringBuilder();
        while (!started.isEmpty()) {
            Part part = started.pop();
            long partBegin = System.nanoTime();
            try {
                part.resource.close();
            } catch (Exception e) {
                log.warn("stopping the {} failed: {}", part.name, e.toString());
            }
            took.append(took.isEmpty() ? "" : ", ").append(part.name).append(' ')
                    .append((System.nanoTime() - partBegin) / 1_000_000).append(" ms");
        }
        if (brokerHaltInstalled) {
            BrokerHalt.uninstall();
        }
        // a start that failed is reported as one line by the command; no second line on stderr for it
        if (wasUp) {
            log.info("lokaal-signaal stopped in {} ms ({})", (System.nanoTime() - begin) / 1_000_000, took);
        }
    }

    record Part(String name, AutoCloseable resource) {}
}
