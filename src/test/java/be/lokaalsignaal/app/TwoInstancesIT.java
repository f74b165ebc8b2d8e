package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.serve.PeerSecret;
import be.lokaalsignaal.topology.UptakeTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances with one application id share the topology: the first runs the embedded broker
 * and registry with the bundled register and history, the second joins that cluster without a
 * crawler. Each holds part of the keys; either answers every one, and the survivor answers every
 * one when the other stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
    private static final String APPLICATION_ID = "lokaal-signaal";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> LISTS = List.of(
            "/api/municipalities", "/api/municipalities?asOf=2021-12-31", "/api/municipalities?format=csv",
            "/api/summary", "/api/summary?asOf=2021-12-31", "/api/calls", "/api/practices", "/api/timeline");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> codes = Register.bundled().all().stream().map(Municipality::getNisCode).sorted().toList();
    private Path dirA;
    private Path dirB;
    private Application first;
    private Application second;
    private int portA;
    private int portB;
    private Map<String, String> answers;

    @BeforeAll
    void startBothInstances() throws IOException {
        dirA = Files.createTempDirectory("two-instances-a-");
        dirB = Files.createTempDirectory("two-instances-b-");
        TestSettings a = TestSettings.embedded(dirA).applicationId(APPLICATION_ID).standbyReplicas(1).noInitialScan();
        portA = a.httpPort();
        first = Application.start(a.build());
        TestSettings b = TestSettings.embedded(dirB).applicationId(APPLICATION_ID).standbyReplicas(1).noInitialScan().noCrawler()
                .cluster(first.kafka().bootstrapServers(), first.kafka().registryUrl());
        portB = b.httpPort();
        // instances of one application share the peer secret: the second gets a copy of the first's
        Files.copy(dirA.resolve(PeerSecret.FILE), dirB.resolve(PeerSecret.FILE));
        second = Application.start(b.build());

        await().atMost(PATIENCE).until(this::bothInstancesHoldPartitions);
        // the bundled register and history are processed when every key answers, the same twice in a row
        answers = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(new java.util.concurrent.Callable<>() {
            Map<String, String> previous;

            @Override
            public Map<String, String> call() {
                Map<String, String> now = everyKey(portA);
                boolean settled = now != null && now.equals(previous);
                previous = now;
                return settled ? now : null;
            }
        }, java.util.Objects::nonNull);
    }

    @AfterAll
    void stopBoth() throws IOException {
        for (Application app : new Application[] {second, first}) {
            if (app != null) {
                app.close();
            }
        }
        for (Path dir : new Path[] {dirA, dirB}) {
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void eachInstanceHoldsOnlyPartOfTheMunicipalities() {
        List<String> onA = codes.stream().filter(nis -> owner(first, nis) == portA).toList();
        List<String> onB = codes.stream().filter(nis -> owner(first, nis) == portB).toList();
        assertThat(onA).allMatch(nis -> first.stores().latest(nis).isPresent());
        assertThat(onB).allMatch(nis -> second.stores().latest(nis).isPresent());

        assertThat(onA).isNotEmpty().doesNotContainAnyElementsOf(onB);
        assertThat(onB).isNotEmpty();
        assertThat(onA.size() + onB.size()).isEqualTo(codes.size());
    }

    @Test
    @Order(2)
    void everyMunicipalityAnswersIdenticallyFromBothInstances() {
        Map<String, String> fromB = everyKey(portB);

        assertThat(answers).hasSize(codes.size());
        assertThat(fromB).isEqualTo(answers);
    }

    @Test
    @Order(2)
    void withoutSourceOptionsTheBundledHistoryIsVisibleThroughTheApi() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode mechelen = json.readTree(answers.get("12025"));
        com.fasterxml.jackson.databind.JsonNode gent = json.readTree(answers.get("44021"));

        // 2020-03-04: the newsletter shared Mechelen's "Nee is nee"; 2019-10-19 and 2021-05-07: learning network
        assertThat(mechelen.path("featuredIn").findValuesAsText("date")).contains("2020-03-04");
        assertThat(mechelen.path("presentedAt").findValuesAsText("date")).containsExactly("2019-10-19", "2021-05-07");
        assertThat(gent.path("presentedAt").findValuesAsText("date")).containsExactly("2021-05-07");
        assertThat(mechelen.path("signals").path("NEWSLETTER_FEATURE").path("present").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void thePeerEndpointsAnswerOnlyACallerWithTheSharedSecret() throws Exception {
        for (String secret : new String[] {null, "not-the-secret-of-this-application"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/internal/peer/uptake"));
            if (secret != null) {
                request.header(PeerSecret.HEADER, secret);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("\"error\"").contains("instances of this application");
        }
        HttpResponse<byte[]> peer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/internal/peer/uptake"))
                .header(PeerSecret.HEADER, Files.readString(dirA.resolve(PeerSecret.FILE)).strip()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(peer.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void listsAndTotalsAnswerIdenticallyFromBothInstances() {
        for (String path : LISTS) {
            HttpResponse<String> a = get(portA, path);
            HttpResponse<String> b = get(portB, path);
            assertThat(a.statusCode()).as(path).isEqualTo(200);
            assertThat(b.statusCode()).as(path).isEqualTo(200);
            assertThat(b.body()).as(path).isEqualTo(a.body());
        }
    }

    @Test
    @Order(4)
    void whenOneInstanceStopsTheOtherAnswersEveryMunicipalityAfterAtMostABriefUnavailability() {
        second.close();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();

        Map<String, String> after = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, String> now = new LinkedHashMap<>();
            for (String nis : codes) {
                HttpResponse<String> r = get(portA, "/api/municipalities/" + nis);
                if (r.statusCode() != 200) {
                    refusals.merge(r.statusCode() + " Retry-After:" + r.headers().firstValue("Retry-After").orElse("none"), 1, Integer::sum);
                    return null;
                }
                now.put(nis, r.body());
            }
            return now;
        }, java.util.Objects::nonNull);

        assertThat(after).isEqualTo(answers);
        assertThat(refusals.keySet()).allMatch(k -> k.equals("503 Retry-After:5"), "only 503 with Retry-After while the keys move");
    }

    /** The HTTP port of the instance that holds a municipality's record, as an instance's metadata says. */
    private static int owner(Application app, String nis) {
        return app.stores().metadata(UptakeTopology.LATEST_STORE, nis).activeHost().port();
    }

    /** Every municipality as one instance answers it; null as soon as one is not answered. */
    private Map<String, String> everyKey(int port) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String nis : codes) {
            HttpResponse<String> r = get(port, "/api/municipalities/" + nis);
            if (r.statusCode() != 200) {
                return null;
            }
            out.put(nis, r.body());
        }
        return out;
    }

    private boolean bothInstancesHoldPartitions() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION_ID)).all().get().get(APPLICATION_ID);
            List<MemberDescription> members = new ArrayList<>(group.members());
            return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
