package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Kafka and the schema registry are: given, or embedded with their data in the data directory. */
final class ClusterOptions {

    @Option(names = "--data-dir", defaultValue = "data", description = "Directory for the embedded broker, registry and state stores (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Confluent-compatible schema registry (Confluent, Apicurio /apis/ccompat/v7, Karapace, Redpanda). Required with --bootstrap-servers.")
    String schemaRegistryUrl;

    @Option(names = "--schema-registry-user-info", description = "user:password for the schema registry (basic authentication).")
    String registryUserInfo;

    /** The options after checking that they fit together. */
    ClusterOptions validated() {
        if ((bootstrapServers == null) != (schemaRegistryUrl == null)) {
            throw new UserError("--bootstrap-servers and --schema-registry-url go together: give both to use a cluster, or neither for the embedded one");
        }
        return this;
    }

    Path absoluteDataDir() {
        return dataDir.toAbsolutePath();
    }
}
