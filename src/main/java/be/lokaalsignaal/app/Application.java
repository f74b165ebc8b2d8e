package be.lokaalsignaal.app;

import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import be.lokaalsignaal.register.RegisterLoad;
import be.lokaalsignaal.serve.HttpApi;
import be.lokaalsignaal.topology.TopicSerdes;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance: the embedded services (unless a cluster is given), the topics, the
 * sources, the crawler workers, the topology and the HTTP server. Parts stop in the reverse order
 * of their start: HTTP, Streams, clients, registry, broker.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Deque<Part> started = new ArrayDeque<>();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

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
        // the HTTP port first: a port in use fails at once, and health reports STARTING meanwhile
        HttpApi http = HttpServers.start(settings, ready::get);
        started.push(new Part("HTTP server", http));

        String bootstrap = settings.bootstrapServers();
        String registryUrl = settings.schemaRegistryUrl();
        if (settings.embedded()) {
            // the registry is a separate process: it boots while the broker starts here
            CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                    () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), settings.dataDir(), 0));
            EmbeddedKafka kafka;
            try {
                kafka = EmbeddedKafka.start(settings.dataDir(), 0);
            } catch (RuntimeException e) {
                registryStart.thenAccept(EmbeddedRegistry::close);
                throw e;
            }
            started.push(new Part("Kafka broker", kafka));
            EmbeddedRegistry registry = join(registryStart);
            started.push(new Part("schema registry", registry));
            bootstrap = kafka.bootstrapServers();
            registryUrl = registry.url();
        } else {
            ClusterCheck.awaitReachable(bootstrap, registryUrl, settings.registryUserInfo());
        }
        ClusterCheck.createTopics(bootstrap, settings.partitions(), settings.replicationFactor());
        TopicSerdes serdes = new TopicSerdes(serdeConfig(registryUrl, settings.registryUserInfo()));

        Publisher publisher = new Publisher(bootstrap, serdes, settings.applicationId() + "-connectors");
        started.push(new Part("producer", publisher));
        Connectors connectors = new Connectors(publisher, Clock.systemUTC());
        started.push(new Part("connectors", connectors));
        connectors.publishRegister(register);
        connectors.publishSources(settings, register.register());

        ready.set(true);
        log.info("lokaal-signaal is up in {} ms: dashboard and API at http://{}:{}/ (Kafka {}, schema registry {})",
                (System.nanoTime() - begin) / 1_000_000, settings.advertisedHost(), http.port(), bootstrap, registryUrl);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static Map<String, Object> serdeConfig(String registryUrl, String userInfo) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        if (userInfo != null) {
            config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
        }
        return config;
    }

    public boolean ready() {
        return ready.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ready.set(false);
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.resource.close();
            } catch (Exception e) {
                log.warn("stopping the {} failed: {}", part.name, e.toString());
            }
        }
        log.info("lokaal-signaal stopped");
    }

    private record Part(String name, AutoCloseable resource) {}
}
