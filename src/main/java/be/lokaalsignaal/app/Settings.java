package be.lokaalsignaal.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Everything a running instance is configured with; built by the run command from its options. */
public record Settings(
        Path dataDir,
        String httpHost,
        int httpPort,
        String advertisedHost,
        String bootstrapServers,
        String schemaRegistryUrl,
        String registryUserInfo,
        String applicationId,
        int partitions,
        short replicationFactor,
        int standbyReplicas,
        Path municipalities,
        Path signals,
        Path newsletters,
        String newsletterFeed,
        Duration feedInterval,
        Path sessions,
        boolean initialScan,
        Duration scanInterval,
        boolean crawler,
        Duration crawlDelay,
        int crawlConcurrency,
        int maxPages,
        long maxBytes,
        Duration crawlTimeout,
        boolean allowPrivateHosts,
        Map<String, String> resolve,
        String userAgent,
        EmbeddedPorts embeddedPorts,
        Path reviewers) {

    public Settings {
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        embeddedPorts = embeddedPorts == null ? EmbeddedPorts.anyFree() : embeddedPorts;
    }

    /** Settings without reviewers: the API is read-only. */
    public Settings(Path dataDir, String httpHost, int httpPort, String advertisedHost, String bootstrapServers, String schemaRegistryUrl,
            String registryUserInfo, String applicationId, int partitions, short replicationFactor, int standbyReplicas, Path municipalities,
            Path signals, Path newsletters, String newsletterFeed, Duration feedInterval, Path sessions, boolean initialScan,
            Duration scanInterval, boolean crawler, Duration crawlDelay, int crawlConcurrency, int maxPages, long maxBytes,
            Duration crawlTimeout, boolean allowPrivateHosts, Map<String, String> resolve, String userAgent, EmbeddedPorts embeddedPorts) {
        this(dataDir, httpHost, httpPort, advertisedHost, bootstrapServers, schemaRegistryUrl, registryUserInfo, applicationId, partitions,
                replicationFactor, standbyReplicas, municipalities, signals, newsletters, newsletterFeed, feedInterval, sessions, initialScan,
                scanInterval, crawler, crawlDelay, crawlConcurrency, maxPages, maxBytes, crawlTimeout, allowPrivateHosts, resolve, userAgent,
                embeddedPorts, null);
    }

    /** The same settings with a reviewers file: the API takes reviews and scan requests from its reviewers. */
    public Settings withReviewers(Path file) {
        return new Settings(dataDir, httpHost, httpPort, advertisedHost, bootstrapServers, schemaRegistryUrl, registryUserInfo, applicationId,
                partitions, replicationFactor, standbyReplicas, municipalities, signals, newsletters, newsletterFeed, feedInterval, sessions,
                initialScan, scanInterval, crawler, crawlDelay, crawlConcurrency, maxPages, maxBytes, crawlTimeout, allowPrivateHosts, resolve,
                userAgent, embeddedPorts, file);
    }

    /** True when no cluster was given: the broker and the registry run inside this process. */
    public boolean embedded() {
        return bootstrapServers == null;
    }

    /** True when no source option was given: the bundled real history is published. */
    public boolean bundledHistory() {
        return newsletters == null && newsletterFeed == null && sessions == null;
    }
}
