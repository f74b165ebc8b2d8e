package be.lokaalsignaal.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings for an in-process run, starting from the defaults of {@code run} (embedded broker and
 * registry in the given data directory), with what a test changes set fluently.
 */
final class TestSettings {
    private Path dataDir;
    private int httpPort = freePort();
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private String applicationId = "lokaal-signaal";
    private int standbyReplicas;
    private Path municipalities;
    private Path newsletters;
    private Path sessions;
    private boolean initialScan = true;
    private boolean crawler = true;
    private Duration crawlDelay = Duration.ofSeconds(1);
    private Duration crawlTimeout = Duration.ofSeconds(15);
    private boolean allowPrivateHosts;
    private Map<String, String> resolve = Map.of();
    // never the fixed defaults: other test runs share the machine
    private EmbeddedPorts embeddedPorts = EmbeddedPorts.anyFree();

    private TestSettings(Path dataDir) {
        this.dataDir = dataDir;
    }

    static TestSettings embedded(Path dataDir) {
        return new TestSettings(dataDir);
    }

    TestSettings httpPort(int port) { this.httpPort = port; return this; }
    TestSettings cluster(String bootstrap, String registryUrl) { this.bootstrapServers = bootstrap; this.schemaRegistryUrl = registryUrl; return this; }
    TestSettings applicationId(String id) { this.applicationId = id; return this; }
    TestSettings standbyReplicas(int n) { this.standbyReplicas = n; return this; }
    TestSettings municipalities(Path csv) { this.municipalities = csv; return this; }
    TestSettings newsletters(Path dir) { this.newsletters = dir; return this; }
    TestSettings sessions(Path file) { this.sessions = file; return this; }
    TestSettings noInitialScan() { this.initialScan = false; return this; }
    TestSettings noCrawler() { this.crawler = false; return this; }
    TestSettings crawlDelay(Duration d) { this.crawlDelay = d; return this; }
    TestSettings crawlTimeout(Duration d) { this.crawlTimeout = d; return this; }
    TestSettings allowPrivateHosts() { this.allowPrivateHosts = true; return this; }
    TestSettings resolve(Map<String, String> hosts) { this.resolve = hosts; return this; }
    /**
     * The bundled register's websites all at 127.0.0.1, which the crawler refuses (no --allow-private-hosts):
     * a start with the bundled register scans every website and fails each at once, never leaving this machine.
     */
    TestSettings bundledWebsitesRefused() {
        Map<String, String> hosts = new java.util.HashMap<>();
        for (be.lokaalsignaal.avro.Municipality m : be.lokaalsignaal.register.Register.bundled().all()) {
            if (m.getWebsite() != null) {
                hosts.put(java.net.URI.create(m.getWebsite()).getHost().toLowerCase(java.util.Locale.ROOT), "127.0.0.1");
            }
        }
        this.resolve = hosts;
        return this;
    }

    TestSettings embeddedPorts(int kafka, int registry) { this.embeddedPorts = new EmbeddedPorts(kafka, registry, false); return this; }

    int httpPort() {
        return httpPort;
    }

    Settings build() {
        return new Settings(dataDir.toAbsolutePath(), "127.0.0.1", httpPort, "127.0.0.1", bootstrapServers, schemaRegistryUrl, null,
                applicationId, 6, (short) 1, standbyReplicas, municipalities, null, newsletters, null, Duration.ofHours(1), sessions,
                initialScan, Duration.ofDays(7), crawler, crawlDelay, 16, 500, 5L * 1024 * 1024, crawlTimeout, allowPrivateHosts, resolve,
                "lokaal-signaal-test/0.1 (+https://github.com/lokaal-signaal/lokaal-signaal)", embeddedPorts);
    }

    /** A loopback port that was free a moment ago: the HTTP port is also the one other instances are told (application.server). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
