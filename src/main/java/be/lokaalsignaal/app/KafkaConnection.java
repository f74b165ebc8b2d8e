package be.lokaalsignaal.app;

import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import be.lokaalsignaal.embedded.PortInUseException;
import be.lokaalsignaal.embedded.ServiceAddress;
import java.nio.file.Path;
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

    private final String bootstrapServers;
    private final String registryUrl;
    private final String advertisedBootstrapServers;
    private final String advertisedRegistryUrl;
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private KafkaConnection(String bootstrapServers, String registryUrl, String advertisedBootstrapServers, String advertisedRegistryUrl,
            EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
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
            return new KafkaConnection(bootstrapServers, registryUrl, bootstrapServers, registryUrl, null, null);
        }
        // the registry is a separate process: it boots while the broker starts here
        CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, registryAddress));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir, kafkaAddress);
        } catch (RuntimeException e) {
            registryStart.thenAccept(EmbeddedRegistry::close);
            throw asUserError(e, "--kafka-port");
        }
        try {
            EmbeddedRegistry registry = registryStart.join();
            return new KafkaConnection(kafka.localBootstrapServers(), registry.localUrl(), kafka.bootstrapServers(), registry.url(),
                    kafka, registry);
        } catch (CompletionException e) {
            kafka.close();
            throw asUserError(e.getCause(), "--registry-port");
        }
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

    /** Creates the topics that do not exist yet. */
    public void createTopics(int partitions, short replicationFactor) {
        ClusterCheck.createTopics(bootstrapServers, partitions, replicationFactor);
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
