package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/about as a consumer reads it. */
class AboutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<About.Info> info = new AtomicReference<>();
    private HttpApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        api = HttpApi.start("127.0.0.1", 0, Readiness.Health::ready, new SampleUptakeSource(java.time.LocalDate.of(2026, 12, 1)), Clock.systemUTC(),
                config -> config.router.mount(routes -> routes.get(About.PATH, ctx -> About.handle(ctx, info::get))));
        client = new ApiClient(api.port());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void isUnavailableWithRetryAfterUntilTheInstanceHasConnected() {
        HttpResponse<String> response = client.get(About.PATH);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(HttpApi.RETRY_AFTER_SECONDS));
    }

    @Test
    void givesTheAddressesForConsumersAndEveryTopicWithItsSubjectAndSchema() throws Exception {
        info.set(new About.Info("signaal.example.org:9092", "http://signaal.example.org:8081/apis/ccompat/v7", true, List.of(
                new About.Topic("municipality-uptake", "municipality-uptake-value", "be.lokaalsignaal.avro.MunicipalityUptake", 8, 2, "BACKWARD"),
                new About.Topic("dead-letters", null, null, null, null, null))));

        JsonNode about = JSON.readTree(client.get(About.PATH).body());

        assertThat(about.at("/kafka/bootstrapServers").asText()).isEqualTo("signaal.example.org:9092");
        assertThat(about.at("/kafka/embedded").asBoolean()).isTrue();
        assertThat(about.at("/schemaRegistry/url").asText()).isEqualTo("http://signaal.example.org:8081/apis/ccompat/v7");
        assertThat(about.at("/schemaRegistry/subjectNameStrategy").asText()).isEqualTo("TopicNameStrategy");
        JsonNode uptake = about.at("/topics/0");
        assertThat(uptake.path("name").asText()).isEqualTo("municipality-uptake");
        assertThat(uptake.path("valueSubject").asText()).isEqualTo("municipality-uptake-value");
        assertThat(uptake.path("valueSchema").asText()).isEqualTo("be.lokaalsignaal.avro.MunicipalityUptake");
        assertThat(uptake.path("schemaId").asInt()).isEqualTo(8);
        assertThat(uptake.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(uptake.path("compatibility").asText()).isEqualTo("BACKWARD");
        assertThat(uptake.path("valueFormat").asText()).isEqualTo("avro");
        JsonNode deadLetters = about.at("/topics/1");
        assertThat(deadLetters.path("valueSubject").isNull()).isTrue();
        assertThat(deadLetters.path("valueFormat").asText()).isEqualTo("bytes as received");
    }

    @Test
    void refusesAnUnknownParameterLikeEveryOtherRoute() {
        HttpResponse<String> response = client.get(About.PATH + "?verbose=true");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("verbose");
    }
}
