package be.lokaalsignaal.testkit;

import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kafka broker and one schema registry for all integration tests of a test JVM, started the
 * first time a test class that uses them runs and stopped when the JVM's tests are done.
 *
 * <pre>{@code
 * @ExtendWith(SharedCluster.class)
 * class SomethingIT {
 *     String topic = SharedCluster.uniqueName("pages");
 *     ... SharedCluster.bootstrapServers() ... SharedCluster.registryUrl() ...
 * }
 * }</pre>
 *
 * <p>Tests share the services, so they must not rely on a clean broker: they name their topics,
 * application ids and subjects with {@link #uniqueName(String)}.
 */
public final class SharedCluster implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);
    private static final AtomicLong NAMES = new AtomicLong();

    private static volatile Services services;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store lives as long as the test run and closes its AutoCloseable values at the end
        services = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Services.class, key -> Services.start(), Services.class);
    }

    /** The {@code bootstrap.servers} value of the shared broker. */
    public static String bootstrapServers() {
        return running().kafka.bootstrapServers();
    }

    /** The Confluent-compatible base URL of the shared schema registry. */
    public static String registryUrl() {
        return running().registry.url();
    }

    /**
     * A name no other test of this run uses, valid as a topic name, application id, group id or
     * subject: the prefix, a counter and a random part (the broker's data outlives a run only if the
     * temp directory is kept, but the random part keeps names apart even then).
     */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Services running() {
        Services current = services;
        if (current == null) {
            throw new IllegalStateException("The shared cluster is not started: annotate the test class with "
                    + "@ExtendWith(SharedCluster.class)");
        }
        return current;
    }

    private static final class Services implements AutoCloseable {
        private final Path dataDir;
        private final EmbeddedKafka kafka;
        private final EmbeddedRegistry registry;

        private Services(Path dataDir, EmbeddedKafka kafka, EmbeddedRegistry registry) {
            this.dataDir = dataDir;
            this.kafka = kafka;
            this.registry = registry;
        }

        static Services start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("lokaal-signaal-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path apicurioHome = EmbeddedRegistry.locateApicurioHome();
            // the registry is a separate process: let it boot while the broker starts in this JVM
            CompletableFuture<EmbeddedRegistry> registry =
                    CompletableFuture.supplyAsync(() -> EmbeddedRegistry.start(apicurioHome, dataDir, 0));
            EmbeddedKafka kafka;
            try {
                kafka = EmbeddedKafka.start(dataDir, 0);
            } catch (RuntimeException e) {
                registry.thenAccept(EmbeddedRegistry::close);
                throw e;
            }
            try {
                return new Services(dataDir, kafka, registry.join());
            } catch (CompletionException e) {
                kafka.close();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        @Override
        public void close() {
            try {
                registry.close();
            } finally {
                kafka.close();
                services = null;
                deleteRecursively(dataDir);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }
}
