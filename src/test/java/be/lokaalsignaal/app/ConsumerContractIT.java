package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.examples.UptakeConsumer;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.serve.About;
import be.lokaalsignaal.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract as a consumer elsewhere meets it, against one running instance on the bundled register
 * (its initial scan fails every website at once, on this machine): the schema files are what the
 * registry holds, every subject is BACKWARD, /api/about says where to connect, the example consumer
 * reads every municipality, and /metrics answers in the Prometheus format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerContractIT {
    /** A liveness bound only: the machine may be busy. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dir;
    private Application app;
    private int httpPort;

    @BeforeAll
    void startTheApplication() throws IOException {
        dir = Files.createTempDirectory("consumer-contract-it-");
        TestSettings settings = TestSettings.embedded(dir.resolve("data")).bundledWebsitesRefused().crawlDelay(Duration.ZERO);
        httpPort = settings.httpPort();
        app = Application.start(settings.build());
    }

    @AfterAll
    void stopIt() throws IOException {
        if (app != null) {
            app.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theExampleConsumerReadsEveryMunicipalityOfTheRegisterFromTheBeginningWithReadCommitted() {
        About.Info about = app.about();
        Properties config = UptakeConsumer.config(about.bootstrapServers(), about.schemaRegistryUrl(), "example-" + UUID.randomUUID());
        Set<String> register = Register.bundled().all().stream().map(Municipality::getNisCode).collect(Collectors.toSet());
        Map<String, MunicipalityUptake> latest = new HashMap<>();

        assertThat(config).containsEntry("isolation.level", "read_committed").containsEntry("auto.offset.reset", "earliest");
        try (UptakeConsumer consumer = new UptakeConsumer(config)) {
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500), (nis, record) -> {
                    if (record == null) {
                        latest.remove(nis);
                    } else {
                        latest.put(nis, record);
                    }
                });
                return latest.keySet().containsAll(register);
            });
        }

        assertThat(latest.keySet()).containsAll(register);
        assertThat(latest).allSatisfy((nis, record) -> assertThat(record.getNisCode()).isEqualTo(nis));
        assertThat(latest.get("12025").getName()).isEqualTo("Mechelen");
    }

    @Test
    void everySchemaFileRegisteredAsAClientWouldFindsTheExistingIdAndAddsNoVersion() throws Exception {
        String registry = app.about().schemaRegistryUrl();
        for (Path file : schemaFiles()) {
            Schema schema = new Schema.Parser().parse(file.toFile());
            Topics.Topic<?> topic = Topics.ALL.stream()
                    .filter(t -> t.valueType() != null && t.valueType().getName().equals(schema.getFullName()))
                    .findFirst().orElseThrow(() -> new AssertionError("no topic has " + file + " as its value"));
            String subject = URLEncoder.encode(topic.valueSubject(), StandardCharsets.UTF_8);
            JsonNode versionsBefore = get(registry + "/subjects/" + subject + "/versions");

            // as Confluent's Java serializer sends it (the parsed schema, printed compactly), looked up and registered
            JsonNode lookup = post(registry + "/subjects/" + subject, schema.toString());
            JsonNode registered = post(registry + "/subjects/" + subject + "/versions", schema.toString());
            // as the file is on disk, as a client given the file's text sends it (Python's, curl)
            JsonNode registeredAsOnDisk = post(registry + "/subjects/" + subject + "/versions", Files.readString(file));

            int id = aboutTopic(topic.topicName()).path("schemaId").asInt();
            assertThat(lookup.path("id").asInt()).as("lookup of %s", file).isEqualTo(id);
            assertThat(registered.path("id").asInt()).as("registration of %s", file).isEqualTo(id);
            assertThat(registeredAsOnDisk.path("id").asInt()).as("registration of %s as on disk", file).isEqualTo(id);
            assertThat(lookup.path("schema").asText()).as("the registered schema of %s", file).doesNotContain("avro.java.string");
            assertThat(get(registry + "/subjects/" + subject + "/versions")).as("versions of %s", subject).isEqualTo(versionsBefore);
        }
    }

    @Test
    void everySubjectTheApplicationOwnsIsBackward() throws Exception {
        String registry = app.about().schemaRegistryUrl();
        List<String> owned = new ArrayList<>();
        for (JsonNode subject : get(registry + "/subjects")) {
            String name = subject.asText();
            boolean topicSubject = Topics.ALL.stream().anyMatch(t -> t.valueSubject().equals(name));
            if (topicSubject || name.startsWith("lokaal-signaal-")) {
                owned.add(name);
            }
        }

        assertThat(owned).containsAll(Topics.ALL.stream().filter(t -> t.valueType() != null).map(Topics.Topic::valueSubject).toList());
        for (String subject : owned) {
            JsonNode config = get(registry + "/config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
            assertThat(config.path("compatibilityLevel").asText()).as("compatibility of %s", subject).isEqualTo("BACKWARD");
        }
    }

    @Test
    void aboutGivesTheAddressesAndEveryTopicWithItsSubjectSchemaIdAndCompatibility() throws Exception {
        JsonNode about = get("http://127.0.0.1:" + httpPort + "/api/about");

        assertThat(about.at("/kafka/bootstrapServers").asText()).isEqualTo(app.kafka().advertisedBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(about.at("/kafka/embedded").asBoolean()).isTrue();
        assertThat(about.at("/schemaRegistry/url").asText()).isEqualTo(app.kafka().advertisedRegistryUrl()).endsWith("/apis/ccompat/v7");
        List<String> names = new ArrayList<>();
        about.path("topics").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactlyElementsOf(Topics.ALL.stream().map(Topics.Topic::topicName).toList());
        for (JsonNode topic : about.path("topics")) {
            if (topic.path("name").asText().equals(Topics.DEAD_LETTERS.topicName())) {
                assertThat(topic.path("valueSubject").isNull()).isTrue();
                continue;
            }
            String subject = topic.path("valueSubject").asText();
            JsonNode latest = get(about.at("/schemaRegistry/url").asText() + "/subjects/" + subject + "/versions/latest");
            assertThat(topic.path("schemaId").asInt()).as(subject).isEqualTo(latest.path("id").asInt());
            assertThat(topic.path("schemaVersion").asInt()).as(subject).isEqualTo(latest.path("version").asInt());
            assertThat(topic.path("compatibility").asText()).as(subject).isEqualTo("BACKWARD");
        }
    }

    @Test
    void metricsAnswerInThePrometheusFormatWithLagScanAndHttpMetrics() throws Exception {
        String base = "http://127.0.0.1:" + httpPort;
        send(base + "/api/health");
        send(base + "/api/municipalities/12025");

        // the Kafka metrics of the topology's consumers appear once they fetch, and are picked up within seconds
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            String body = send(base + "/metrics").body();
            return body.contains("kafka_consumer_fetch_manager_records_lag_max") && body.contains("kafka_stream_state_estimate_num_keys");
        });
        HttpResponse<String> metrics = send(base + "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE kafka_consumer_fetch_manager_records_lag_max gauge")
                .contains("kafka_stream_thread_process_rate")
                .contains("kafka_stream_thread_commit_latency_avg")
                .contains("kafka_stream_state_estimate_num_keys{")
                .doesNotContain("kafka_stream_processor_node_")
                .contains("# TYPE lokaalsignaal_scan_websites gauge")
                .contains("lokaalsignaal_scan_websites{state=\"failed\"}")
                .contains("lokaalsignaal_scan_pages")
                .contains("lokaalsignaal_crawler_bytes_total")
                .contains("# TYPE http_server_requests_seconds histogram")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/api/municipalities/\\{nis\\}\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/health\"");
    }

    private JsonNode aboutTopic(String name) throws Exception {
        for (JsonNode topic : get("http://127.0.0.1:" + httpPort + "/api/about").path("topics")) {
            if (topic.path("name").asText().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError("/api/about lacks topic " + name);
    }

    private static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = send(url);
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String url, String schema) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("schema", schema).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
