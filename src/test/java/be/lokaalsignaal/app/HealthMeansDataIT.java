package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.testkit.SharedCluster;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.TopicSerdes;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health means the data is there, on the real broker and registry: a client that polls
 * /api/health and reads /api/summary and /api/municipalities at the first moment it says UP finds
 * every municipality of the bundled register and the bundled history, with totals equal to the
 * list's counts. After a restart, facts published while the application was down (a complete scan
 * with a link, a failed scan) are in the first answers after UP.
 */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthMeansDataIT {
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String MECHELEN = "12025";
    private static final String GENT = "44021";
    private static final Set<String> WEBSITE_KINDS = Set.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String applicationId = SharedCluster.uniqueName("health");
    private Path dir;
    private Application app;

    /** What the client saw: the answers before UP and the first reads after it. */
    private record FirstUp(List<JsonNode> starting, JsonNode summary, JsonNode municipalities, JsonNode borsbeek) {}

    @BeforeAll
    void directory() throws IOException {
        dir = Files.createTempDirectory("health-means-data-");
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void at_the_first_up_every_municipality_of_the_register_is_there_with_totals_equal_to_the_list() throws Exception {
        TestSettings settings = settings();
        FirstUp seen = startAndReadAtFirstUp(settings);

        assertThat(seen.starting()).isNotEmpty().allSatisfy(body -> {
            assertThat(body.path("status").asText()).isEqualTo("STARTING");
            assertThat(body.path("waitingFor")).isNotEmpty();
        });

        List<String> inForce = Register.bundled().inForceOn(LocalDate.now(Scanning.BRUSSELS)).stream().map(Municipality::getNisCode).toList();
        Set<String> listed = new TreeSet<>();
        seen.municipalities().forEach(m -> listed.add(m.path("nisCode").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inForce);
        assertTotalsEqualTheList(seen.summary(), seen.municipalities());
        // the bundled history is processed: Mechelen featured in 2020, presented in 2019 and 2021
        JsonNode mechelen = find(seen.municipalities(), MECHELEN);
        assertThat(mechelen.path("signals").path("NEWSLETTER_FEATURE").path("present").asBoolean())
                .as("Mechelen's newsletter feature at the first UP, in %s", mechelen).isTrue();
        assertThat(mechelen.path("presentedAt")).as("Mechelen's presentations at the first UP").hasSize(2);
        assertThat(seen.summary().path("flanders").path("counts").path("LEARNING_NETWORK").asInt()).isEqualTo(3);
        assertThat(mechelen.path("signals").path("NEWSLETTER_FEATURE").path("evidence").get(0).path("origin").path("provenance").asText())
                .isEqualTo("reconstructed from the parliamentary answers");
        // a municipality merged away is in the store too
        assertThat(seen.borsbeek().path("successor").asText()).isEqualTo("11002");
        // nothing was scanned: every municipality is counted as not scanned, none as without a link
        assertThat(seen.summary().path("flanders").path("scanned").asInt()).isZero();
        assertThat(seen.summary().path("flanders").path("notScanned").asInt()).isEqualTo(inForce.size());
    }

    @Test
    @Order(2)
    void after_a_restart_the_facts_published_while_it_was_down_are_in_the_first_answers() throws Exception {
        if (app != null) {
            app.close();
            app = null;
        }
        Instant start = Instant.now().minus(Duration.ofHours(2));
        try (Publisher publisher = new Publisher(SharedCluster.bootstrapServers(),
                new TopicSerdes(Application.serdeConfig(SharedCluster.registryUrl(), null)), applicationId + "-test")) {
            String scanId = "scan-health";
            publisher.publish(Topics.WEBSITE_SCANS, MECHELEN, scan(scanId, MECHELEN, "STARTED", null, start, null, 0), start);
            publisher.publish(Topics.WEBSITE_PAGES, MECHELEN, page(scanId, "https://www.mechelen.be/", start.plusSeconds(10), List.of()));
            publisher.publish(Topics.WEBSITE_PAGES, MECHELEN, page(scanId, "https://www.mechelen.be/hulp", start.plusSeconds(20),
                    List.of(RuleMatch.newBuilder().setKind("SITE_LINK").setRule("site-link")
                            .setSnippet("Hulp nodig? Surf naar www.seksueelgeweld.be").build())));
            publisher.publish(Topics.WEBSITE_SCANS, MECHELEN, scan(scanId, MECHELEN, "COMPLETED", null, start, start.plusSeconds(60), 2),
                    start.plusSeconds(60));
            publisher.publish(Topics.WEBSITE_SCANS, GENT, scan(scanId, GENT, "FAILED", "UNREACHABLE", start, start.plusSeconds(5), 0),
                    start.plusSeconds(5));
            publisher.flush();
        }

        FirstUp seen = startAndReadAtFirstUp(settings());

        assertTotalsEqualTheList(seen.summary(), seen.municipalities());
        JsonNode mechelen = find(seen.municipalities(), MECHELEN);
        assertThat(mechelen.path("scan").path("scanned").asBoolean()).isTrue();
        assertThat(mechelen.path("scan").path("outcome").asText()).isEqualTo("OK");
        assertThat(mechelen.path("signals").path("SITE_LINK").path("present").asBoolean()).isTrue();
        JsonNode gent = find(seen.municipalities(), GENT);
        assertThat(gent.path("scan").path("scanned").asBoolean()).isFalse();
        assertThat(gent.path("scan").path("outcome").asText()).isEqualTo("UNREACHABLE");
        JsonNode flanders = seen.summary().path("flanders");
        assertThat(flanders.path("scanned").asInt()).isEqualTo(1);
        assertThat(flanders.path("counts").path("SITE_LINK").asInt()).isEqualTo(1);
        assertThat(flanders.path("notScannedByOutcome").path("UNREACHABLE").asInt()).isEqualTo(1);
    }

    private TestSettings settings() {
        return TestSettings.embedded(dir.resolve("data")).cluster(SharedCluster.bootstrapServers(), SharedCluster.registryUrl())
                .applicationId(applicationId).noInitialScan().noCrawler();
    }

    /** Starts the application and polls health from the first moment; at the first UP reads the summary and the list. */
    private FirstUp startAndReadAtFirstUp(TestSettings settings) throws Exception {
        int port = settings.httpPort();
        CompletableFuture<Application> starting = CompletableFuture.supplyAsync(() -> Application.start(settings.build()));
        List<JsonNode> before = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (starting.isCompletedExceptionally()) {
                    starting.join();
                }
                HttpResponse<String> health = get(port, "/api/health");
                if (health != null && health.statusCode() == 200) {
                    JsonNode summary = json(get(port, "/api/summary"));
                    JsonNode list = json(get(port, "/api/municipalities"));
                    JsonNode borsbeek = json(get(port, "/api/municipalities/11007"));
                    return new FirstUp(before, summary, list, borsbeek);
                }
                if (health != null) {
                    assertThat(health.statusCode()).isEqualTo(503);
                    if (before.size() < 50) {
                        before.add(JSON.readTree(health.body()));
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("health not UP within " + PATIENCE + "; last answers: " + before.subList(Math.max(0, before.size() - 3), before.size()));
        } finally {
            app = starting.get();
        }
    }

    private static void assertTotalsEqualTheList(JsonNode summary, JsonNode list) {
        JsonNode flanders = summary.path("flanders");
        assertThat(flanders.path("municipalities").asInt()).isEqualTo(list.size());
        int scanned = 0;
        for (JsonNode m : list) {
            scanned += m.path("scan").path("scanned").asBoolean() ? 1 : 0;
        }
        assertThat(flanders.path("scanned").asInt()).isEqualTo(scanned);
        assertThat(flanders.path("notScanned").asInt()).isEqualTo(list.size() - scanned);
        flanders.path("counts").fieldNames().forEachRemaining(kind -> {
            int counted = 0;
            for (JsonNode m : list) {
                boolean present = m.path("signals").path(kind).path("present").asBoolean();
                boolean counts = !WEBSITE_KINDS.contains(kind) || m.path("scan").path("scanned").asBoolean();
                counted += present && counts ? 1 : 0;
            }
            assertThat(flanders.path("counts").path(kind).asInt()).as(kind).isEqualTo(counted);
        });
        int inProvinces = 0;
        for (JsonNode p : summary.path("provinces")) {
            inProvinces += p.path("municipalities").asInt();
        }
        assertThat(inProvinces).isEqualTo(list.size());
    }

    private static JsonNode find(JsonNode list, String nis) {
        for (JsonNode m : list) {
            if (m.path("nisCode").asText().equals(nis)) {
                return m;
            }
        }
        throw new AssertionError("no municipality " + nis + " in the list");
    }

    private HttpResponse<String> get(int port, String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the server is not listening yet
            return null;
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response).isNotNull();
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static WebsiteScan scan(String scanId, String nis, String status, String reason, Instant startedAt, Instant completedAt, int pages) {
        return WebsiteScan.newBuilder().setScanId(scanId).setNisCode(nis).setStatus(status).setReason(reason)
                .setStartedAt(startedAt).setCompletedAt(completedAt).setPagesFetched(pages).build();
    }

    private static WebsitePage page(String scanId, String url, Instant fetchedAt, List<RuleMatch> matches) {
        return WebsitePage.newBuilder().setScanId(scanId).setNisCode(MECHELEN).setUrl(url).setFinalUrl(url).setFetchedAt(fetchedAt)
                .setHttpStatus(200).setTitle("Stad Mechelen").setMatches(matches).build();
    }
}
