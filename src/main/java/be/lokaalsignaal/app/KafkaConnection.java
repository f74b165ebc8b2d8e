package be.lokaalsignaal.app;

import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import be.lokaalsignaal.embedded.PortInUseException;
import be.lokaalsignaal.embedded.ServiceAddress;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import be.lokaalsignaal.serde.SchemaRegistry;
import be.lokaalsignaal.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Kafka cluster and the schema registry are: given ones (checked to answer), or an
 * embedded broker and registry with their data in the data directory. Closing stops the embedded
 * ones, registry before broker.
 */
public final class KafkaConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);

    private final Path dataDir;
    private final String bootstrapServers;
    private final String registryUrl;
    private final String registryUserInfo;
    private final String advertisedBootstrapServers;
    private final String advertisedRegistryUrl;
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private KafkaConnection(Path dataDir, String bootstrapServers, String registryUrl, String registryUserInfo,
            String advertisedBootstrapServers, String advertisedRegistryUrl, EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.registryUserInfo = registryUserInfo;
        this.advertisedBootstrapServers = advertisedBootstrapServers;
        this.advertisedRegistryUrl = advertisedRegistryUrl;
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * @param bootstrapServers an existing cluster, or null for the embedded one
     * @param kafkaAddress where the embedded broker listens, when there is one
     * @param registryAddress where the embedded registry listens, when there is one
     */
    public static KafkaConnection open(Path dataDir, String bootstrapServers, String registryUrl, String registryUserInfo,
            ServiceAddress kafkaAddress, ServiceAddress registryAddress) {
        if (bootstrapServers != null) {
            ClusterCheck.awaitReachable(bootstrapServers, registryUrl, registryUserInfo);
            return new KafkaConnection(dataDir, bootstrapServers, registryUrl, registryUserInfo, bootstrapServers, registryUrl, null, null);
        }
        // a damaged data directory is refused before anything starts on it (and perhaps changes it)
        DataDirCheck.beforeStart(dataDir, valueTopics());
        // a taken port is the common mistake: said before the registry is started on the data directory at all
        try {
            kafkaAddress.requireFree(EmbeddedKafka.SERVICE);
        } catch (RuntimeException e) {
            throw asUserError(e, "--kafka-port");
        }
        // the registry is a separate process: it boots while the broker starts here
        CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, registryAddress));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir, kafkaAddress);
        } catch (RuntimeException e) {
            // stopped before the error is told: nothing may go on writing in the data directory after that
            try {
                registryStart.join().close();
            } catch (CompletionException registryFailedToo) {
                log.debug("the embedded schema registry did not start either", registryFailedToo);
            }
            throw asUserError(e, "--kafka-port");
        }
        EmbeddedRegistry registry;
        try {
            registry = registryStart.join();
        } catch (CompletionException e) {
            kafka.close();
            throw asUserError(e.getCause(), "--registry-port");
        }
        KafkaConnection connection = new KafkaConnection(dataDir, kafka.localBootstrapServers(), registry.localUrl(), null,
                kafka.bootstrapServers(), registry.url(), kafka, registry);
        try {
            DataDirCheck.afterBrokerStart(dataDir);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The topics whose records name a schema id in the registry. */
    private static List<String> valueTopics() {
        return Topics.ALL.stream().filter(t -> t.valueType() != null).map(Topics.Topic::topicName).toList();
    }

    // the embedded services fail with messages meant for the user (port in use, data dir in use, bundle missing)
    private static RuntimeException asUserError(Throwable e, String portOption) {
        if (e instanceof PortInUseException p) {
            return new UserError("port " + p.port() + " on " + p.host() + " for " + p.service() + " is in use: choose another with "
                    + portOption + " (0: any free port), or start with --free-ports-if-taken", e);
        }
        return e instanceof UserError u ? u : new UserError(e.getMessage(), e);
    }

    /**
     * Run's shutdown hook closes the whole application in order (Streams flush to the registry before it
     * stops); the embedded registry's own exit hook then waits up to {@code grace} for that instead of
     * stopping the registry at once.
     */
    public void closedInOrderOnExit(java.time.Duration grace) {
        if (registry != null) {
            registry.stopOnExitAfter(grace);
        }
    }

    /** After a fatal fault of the embedded broker: closing stops the registry but leaves the broker. */
    void abandonBroker() {
        if (kafka != null) {
            kafka.abandon();
        }
    }

    /** Why the embedded registry cannot answer now (it died and is restarting); empty for a given registry. */
    java.util.Optional<String> registryOutage() {
        return registry == null ? java.util.Optional.empty() : registry.outage();
    }

    /** The user info the registry is reached with, or null. */
    String registryUserInfo() {
        return registryUserInfo;
    }

    public boolean embedded() {
        return kafka != null;
    }

    /** The {@code bootstrap.servers} for this process's own clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry URL for this process's own clients. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The {@code bootstrap.servers} for consumers elsewhere: the embedded broker under its advertised host, or the given cluster. */
    public String advertisedBootstrapServers() {
        return advertisedBootstrapServers;
    }

    /** The registry URL for consumers elsewhere. */
    public String advertisedRegistryUrl() {
        return advertisedRegistryUrl;
    }

    /**
     * Checks that the topics and the registry belong together (and, embedded, that the topics are
     * those the data directory had), then creates the topics that do not exist yet.
     *
     * @throws UserError naming what does not belong together
     */
    public void createTopics(int partitions, short replicationFactor) {
        if (embedded()) {
            DataDirCheck.topicsKnown(dataDir, ClusterCheck.topicIds(bootstrapServers));
        }
        SchemaRegistry schemas = AvroSerdeConfig.from(Application.serdeConfig(registryUrl, registryUserInfo)).registry();
        SchemaIdCheck.schemasKnown(bootstrapServers, schemas, valueTopics(), (id, topic) -> embedded()
                ? DataDirCheck.damaged("the schema registry database in " + dataDir.resolve("registry") + " does not know schema id " + id
                        + ", which the records on topic " + topic + " name: it is not the database these topics were written with")
                : new UserError("the schema registry at " + registryUrl + " does not know schema id " + id + ", which the records on topic "
                        + topic + " name; check that --schema-registry-url is the registry these topics were written with"));
        ClusterCheck.createTopics(bootstrapServers, partitions, replicationFactor);
        if (embedded()) {
            DataDirCheck.record(dataDir, ClusterCheck.topicIds(bootstrapServers));
        }
    }

    @Override
    public void close() {
        if (registry != null) {
            try {
                registry.close();
            } catch (RuntimeException e) {
                log.warn("stopping the schema registry failed: {}", e.toString());
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
