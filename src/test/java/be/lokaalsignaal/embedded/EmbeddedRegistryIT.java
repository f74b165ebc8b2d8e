package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String ISSUE_SCHEMA = """
            {"type":"record","name":"Issue","namespace":"test","fields":[{"name":"title","type":"string"}]}""";
    private static final String SESSION_SCHEMA = """
            {"type":"record","name":"Session","namespace":"test","fields":[{"name":"date","type":"string"}]}""";

    @Test
    void registersSchemasThroughTheConfluentApiAndKeepsTheirIdsAcrossARestart(@TempDir Path dataDir)
            throws Exception {
        Path home = EmbeddedRegistry.locateApicurioHome();
        int issueId;
        int sessionId;
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(home, dataDir, 0)) {
            assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
            issueId = register(registry, "newsletter-issues-value", ISSUE_SCHEMA);
            sessionId = register(registry, "learning-network-sessions-value", SESSION_SCHEMA);

            assertThat(sessionId).isNotEqualTo(issueId);
            assertThat(subjects(registry))
                    .contains("newsletter-issues-value", "learning-network-sessions-value");
        }

        try (EmbeddedRegistry restarted = EmbeddedRegistry.start(home, dataDir, 0)) {
            assertThat(subjects(restarted))
                    .contains("newsletter-issues-value", "learning-network-sessions-value");
            // registering a known schema again answers with the id it has had all along
            assertThat(register(restarted, "newsletter-issues-value", ISSUE_SCHEMA)).isEqualTo(issueId);
            assertThat(schemaById(restarted, sessionId)).contains("Session");
        }
        assertThat(dataDir.resolve("registry/registry.log")).isNotEmptyFile();
    }

    @Test
    void refusesToStartOnATakenPortAndNamesThePort(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void reportsTheLogFileWhenTheRegistryProcessDiesDuringStartup(@TempDir Path dataDir, @TempDir Path brokenHome)
            throws Exception {
        Files.writeString(brokenHome.resolve("apicurio-registry-app-0.0.0-runner.jar"), "not a jar");

        assertThatThrownBy(() -> EmbeddedRegistry.start(brokenHome, dataDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited")
                .hasMessageContaining(dataDir.resolve("registry/registry.log").toAbsolutePath().toString());
    }

    @Test
    void explainsHowToGetTheRegistryWhenItIsNotUnpacked(@TempDir Path emptyHome) {
        String previous = System.setProperty(EmbeddedRegistry.HOME_PROPERTY, emptyHome.toString());
        try {
            assertThatThrownBy(EmbeddedRegistry::locateApicurioHome)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(emptyHome.toString())
                    .hasMessageContaining("./mvnw package");
        } finally {
            System.setProperty(EmbeddedRegistry.HOME_PROPERTY, previous);
        }
    }

    private static int register(EmbeddedRegistry registry, String subject, String schema) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", schema))))
                .build();
        return send(request).get("id").asInt();
    }

    private static List<String> subjects(EmbeddedRegistry registry) throws Exception {
        List<String> subjects = new ArrayList<>();
        send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build())
                .forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    private static String schemaById(EmbeddedRegistry registry, int id) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/" + id)).build())
                .get("schema").asText();
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
