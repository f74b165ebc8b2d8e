package be.lokaalsignaal.app;

import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
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
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private KafkaConnection(String bootstrapServers, String registryUrl, EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * @param bootstrapServers an existing cluster, or null for the embedded one
     */
    public static KafkaConnection open(Path dataDir, String bootstrapServers, String registryUrl, String registryUserInfo) {
        if (bootstrapServers != null) {
            ClusterCheck.awaitReachable(bootstrapServers, registryUrl, registryUserInfo);
            return new KafkaConnection(bootstrapServers, registryUrl, null, null);
        }
        // the registry is a separate process: it boots while the broker starts here
        CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, 0));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir, 0);
        } catch (RuntimeException e) {
            registryStart.thenAccept(EmbeddedRegistry::close);
            throw asUserError(e);
        }
        try {
            EmbeddedRegistry registry = registryStart.join();
            return new KafkaConnection(kafka.bootstrapServers(), registry.url(), kafka, registry);
        } catch (CompletionException e) {
            kafka.close();
            throw asUserError(e.getCause());
        }
    }

    // the embedded services fail with messages meant for the user (port in use, data dir in use, bundle missing)
    private static RuntimeException asUserError(Throwable e) {
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

    public boolean embedded() {
        return kafka != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
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
