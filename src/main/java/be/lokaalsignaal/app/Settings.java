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
        EmbeddedPorts embeddedPorts) {

    public Settings {
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        embeddedPorts = embeddedPorts == null ? EmbeddedPorts.anyFree() : embeddedPorts;
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
