package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.EmbeddedPorts;
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

    @Option(names = "--kafka-port", defaultValue = "" + EmbeddedPorts.DEFAULT_KAFKA,
            description = "Client port of the embedded Kafka broker (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "" + EmbeddedPorts.DEFAULT_REGISTRY,
            description = "Port of the embedded schema registry (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int registryPort;

    @Option(names = "--free-ports-if-taken", negatable = false,
            description = "When --kafka-port or --registry-port is in use, take a free port instead of refusing to start.")
    boolean freePortsIfTaken;

    /** The options after checking that they fit together. */
    ClusterOptions validated() {
        if ((bootstrapServers == null) != (schemaRegistryUrl == null)) {
            throw new UserError("--bootstrap-servers and --schema-registry-url go together: give both to use a cluster, or neither for the embedded one");
        }
        for (int port : new int[] {kafkaPort, registryPort}) {
            if (port < 0 || port > 65535) {
                throw new UserError((port == kafkaPort ? "--kafka-port " : "--registry-port ") + port + " is not a port number");
            }
        }
        return this;
    }

    /** The ports of the embedded broker and registry. */
    EmbeddedPorts embeddedPorts() {
        return new EmbeddedPorts(kafkaPort, registryPort, freePortsIfTaken);
    }

    Path absoluteDataDir() {
        return dataDir.toAbsolutePath();
    }
}
