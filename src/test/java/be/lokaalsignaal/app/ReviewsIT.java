package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A review made through the API on the real broker and registry: it is stored on the reviews topic,
 * changes municipality-uptake, uptake-summary and the API's figures, shows in the audit trail, and
 * is still applied after a restart on the same data; withdrawn, the finding counts again. The tests
 * run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewsIT {
    private static final String MECHELEN = "12025";
    private static final String GENT = "44021";
    private static final String NAME = "an.peeters";
    private static final String PASSWORD = "Gelijke-kansen-2025";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private LoopbackSite mechelen;
    private LoopbackSite gent;
    private TestSettings settings;
    private Application app;
    private int port;
    private TopicReader<MunicipalityUptake> uptake;
    private TopicReader<UptakeSummary> summaries;
    private String reviewId;

    @BeforeAll
    void start_the_sites_and_the_application() throws IOException {
        dir = Files.createTempDirectory("reviews-it-");
        mechelen = LoopbackSite.start("www.mechelen.test")
                .page("/", "Stad Mechelen", "<a href='/politie'>Politie</a>")
                .page("/politie", "Nieuws van de politiezone",
                        "<p>De politiezone deelt: slachtoffers vinden hulp op <a href='https://www.seksueelgeweld.be/'>seksueelgeweld.be</a>.</p>");
        gent = LoopbackSite.start("www.gent.test")
                .page("/", "Stad Gent", "<p>Hulp nodig? <a href='https://www.seksueelgeweld.be/'>www.seksueelgeweld.be</a> of bel 1712.</p>");
        Path register = Files.writeString(dir.resolve("gemeenten.csv"), String.join("\n",
                "nis_code,name,province,website",
                MECHELEN + ",Mechelen,Antwerpen," + mechelen.url(),
                GENT + ",Gent,Oost-Vlaanderen," + gent.url()) + "\n");
        Path reviewers = dir.resolve("reviewers");
        Reviewers.put(reviewers, NAME, PASSWORD);
        settings = TestSettings.embedded(dir.resolve("data"))
                .municipalities(register).reviewers(reviewers)
                .allowPrivateHosts().crawlDelay(Duration.ZERO).crawlTimeout(Duration.ofSeconds(5))
                .resolve(Map.of(mechelen.host(), "127.0.0.1", gent.host(), "127.0.0.1"));
        app = Application.start(settings.build());
        port = settings.httpPort();
        uptake = TopicReader.avro(app.kafka().bootstrapServers(), app.kafka().registryUrl(), Topics.MUNICIPALITY_UPTAKE.topicName(),
                MunicipalityUptake.class);
        summaries = TopicReader.avro(app.kafka().bootstrapServers(), app.kafka().registryUrl(), Topics.UPTAKE_SUMMARY.topicName(),
                UptakeSummary.class);
        await().atMost(PATIENCE).until(() -> {
            MunicipalityUptake m = uptake.latest().get(MECHELEN);
            MunicipalityUptake g = uptake.latest().get(GENT);
            return m != null && g != null && m.getSignals().get("SITE_LINK").getPresent() && g.getSignals().get("SITE_LINK").getPresent();
        });
    }

    @AfterAll
    void stop_everything() throws IOException {
        for (AutoCloseable c : new AutoCloseable[] {uptake, summaries, app, mechelen, gent}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the others still stop
                }
            }
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login() throws Exception {
        HttpResponse<String> response = send("POST", "/api/login", "{\"name\": \"" + NAME + "\", \"password\": \"" + PASSWORD + "\"}",
                "Content-Type", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asText();
    }

    @Test
    @Order(1)
    void a_rejection_posted_through_the_api_is_stored_on_the_reviews_topic() throws Exception {
        String token = login();
        String body = "{\"nisCode\": \"" + MECHELEN + "\", \"kind\": \"SITE_LINK\", \"verdict\": \"REJECTED\", \"url\": \"" + mechelen.url("/politie")
                + "\", \"reason\": \"Een bericht van de politiezone, geen verwijzing van de stad zelf.\"}";

        HttpResponse<String> response = send("POST", "/api/reviews", body, "Content-Type", "application/json", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        reviewId = JSON.readTree(response.body()).path("reviewId").asText();
        try (TopicReader<Review> reviews = TopicReader.avro(app.kafka().bootstrapServers(), app.kafka().registryUrl(), Topics.REVIEWS.topicName(),
                Review.class)) {
            Review stored = await().atMost(PATIENCE).until(() -> reviews.latest().get(reviewId), r -> r != null);
            assertThat(stored.getReviewer()).isEqualTo(NAME);
            assertThat(stored.getVerdict()).isEqualTo("REJECTED");
            assertThat(stored.getUrl()).isEqualTo(mechelen.url("/politie"));
        }
    }

    @Test
    @Order(2)
    void the_rejection_takes_the_finding_out_of_municipality_uptake_and_uptake_summary() throws Exception {
        SignalState link = await().atMost(PATIENCE).until(() -> mechelenLink(), s -> "REJECTED".equals(s.getReviewed()));

        assertThat(link.getPresent()).as("the rules still find it").isTrue();
        assertThat(link.getReviewedBy()).isEqualTo(NAME);
        assertThat(link.getReviews()).singleElement().satisfies(m -> assertThat(m.getReviewId()).isEqualTo(reviewId));
        UptakeSummary flanders = await().atMost(PATIENCE).until(() -> summaries.latest().get("FLANDERS"),
                s -> s != null && s.getRejected().getOrDefault("SITE_LINK", 0) == 1);
        assertThat(flanders.getCounts().get("SITE_LINK")).as("detected").isEqualTo(2);
        assertThat(flanders.getShown().get("SITE_LINK")).as("shown").isEqualTo(1);
        assertApiShowsTheRejection();
    }

    private SignalState mechelenLink() {
        MunicipalityUptake m = uptake.latest().get(MECHELEN);
        return m == null ? null : m.getSignals().get("SITE_LINK");
    }

    private void assertApiShowsTheRejection() throws Exception {
        JsonNode flanders = await().atMost(PATIENCE).until(() -> JSON.readTree(send("GET", "/api/summary", null).body()).path("flanders"),
                f -> f.path("rejected").path("SITE_LINK").asInt() == 1);
        assertThat(flanders.path("detected").path("SITE_LINK").asInt()).isEqualTo(2);
        assertThat(flanders.path("confirmed").path("SITE_LINK").asInt()).isZero();
        assertThat(flanders.path("added").path("SITE_LINK").asInt()).isZero();
        assertThat(flanders.path("shown").path("SITE_LINK").asInt()).isEqualTo(1);
        JsonNode link = JSON.readTree(send("GET", "/api/municipalities/" + MECHELEN, null).body()).path("signals").path("SITE_LINK");
        assertThat(link.path("present").asBoolean()).isTrue();
        assertThat(link.path("counts").asBoolean()).isFalse();
        assertThat(link.path("reviewed").asText()).isEqualTo("REJECTED");
        assertThat(link.path("reviewedBy").asText()).isEqualTo(NAME);
    }

    @Test
    @Order(3)
    void the_review_is_still_in_the_audit_trail_and_applied_after_a_restart() throws Exception {
        uptake.close();
        summaries.close();
        app.close();
        app = Application.start(settings.build());
        // the embedded cluster may come back on other ports: read the topics anew
        uptake = TopicReader.avro(app.kafka().bootstrapServers(), app.kafka().registryUrl(), Topics.MUNICIPALITY_UPTAKE.topicName(),
                MunicipalityUptake.class);
        summaries = TopicReader.avro(app.kafka().bootstrapServers(), app.kafka().registryUrl(), Topics.UPTAKE_SUMMARY.topicName(),
                UptakeSummary.class);

        JsonNode trail = await().atMost(PATIENCE).until(() -> JSON.readTree(send("GET", "/api/reviews?nis=" + MECHELEN, null).body()),
                t -> t.isArray() && t.size() == 1);

        assertThat(trail.get(0).path("reviewId").asText()).isEqualTo(reviewId);
        assertThat(trail.get(0).path("status").asText()).isEqualTo("HOLDS");
        assertThat(trail.get(0).path("reviewer").asText()).isEqualTo(NAME);
        assertApiShowsTheRejection();
        // a new reader starts from the topic's beginning: what counts is where it settles
        await().during(Duration.ofSeconds(5)).atMost(PATIENCE).until(() -> mechelenLink(), l -> l != null && "REJECTED".equals(l.getReviewed()));
    }

    @Test
    @Order(4)
    void after_the_restart_the_review_can_be_withdrawn_the_trail_keeps_both_and_the_finding_counts_again() throws Exception {
        String token = login();

        HttpResponse<String> response = send("DELETE", "/api/reviews/" + reviewId, "{\"reason\": \"De stad linkt toch zelf naar dit bericht.\"}",
                "Content-Type", "application/json", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trail = JSON.readTree(send("GET", "/api/reviews?nis=" + MECHELEN, null).body());
        assertThat(trail.get(0).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(trail.get(0).path("reason").asText()).contains("politiezone");
        assertThat(trail.get(0).path("withdrawal").path("reason").asText()).contains("linkt toch zelf");
        SignalState link = await().atMost(PATIENCE).until(() -> mechelenLink(), s -> "NONE".equals(s.getReviewed()));
        assertThat(link.getReviews()).singleElement().satisfies(m -> assertThat(m.getEndedBy()).isEqualTo("WITHDRAWN"));
        await().atMost(PATIENCE).until(() -> summaries.latest().get("FLANDERS"),
                s -> s.getRejected().getOrDefault("SITE_LINK", 0) == 0 && s.getShown().getOrDefault("SITE_LINK", 0) == 2);
    }
}
