package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** There is no Docker engine on the build machines, so the compose file's structure is checked instead. */
class DockerComposeFileTest {
    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        } catch (Exception e) {
            throw new AssertionError("docker-compose.yml is not valid YAML: " + e.getMessage(), e);
        }
    }

    @Test
    void runsKafkaInKraftModeASchemaRegistryAndTheApp() {
        assertThat(names(compose.path("services"))).containsExactlyInAnyOrder("kafka", "schema-registry", "lokaal-signaal");
        JsonNode kafka = compose.path("services").path("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        // exactly-once needs the transaction log on a single node
        assertThat(kafka.path("environment").path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(kafka.path("environment").path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
    }

    @Test
    void pointsTheAppAtTheComposeKafkaAndRegistryOverTheInternalListener() {
        JsonNode app = compose.path("services").path("lokaal-signaal");
        List<String> command = texts(app.path("command"));
        String internalListener = compose.path("services").path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        String registryListener = compose.path("services").path("schema-registry").path("environment").path("SCHEMA_REGISTRY_LISTENERS").asText();

        assertThat(command).contains("run", "--bootstrap-servers=kafka:29092", "--schema-registry-url=http://schema-registry:8081", "--http-host=0.0.0.0");
        assertThat(internalListener).contains("kafka:29092");
        assertThat(registryListener).endsWith(":8081");
        assertThat(texts(app.path("depends_on"))).containsExactlyInAnyOrder("kafka", "schema-registry");
        assertThat(texts(app.path("ports"))).contains("8080:8080");
    }

    @Test
    void buildsTheAppImageFromTheRunnableJar() throws Exception {
        assertThat(compose.path("services").path("lokaal-signaal").path("build").asText()).isEqualTo(".");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("COPY target/lokaal-signaal-all.jar");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
