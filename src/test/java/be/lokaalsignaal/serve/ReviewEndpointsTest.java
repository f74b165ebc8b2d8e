package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.serve.reviews.ReviewLog;
import be.lokaalsignaal.serve.reviews.ReviewWriter;
import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.serve.reviews.ScanOnDemand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The review routes over HTTP, on the sample data: who may write, what a write must look like, what
 * is stored and what the audit trail shows. Reviews are stored in an in-memory log here; the
 * integration test stores them in Kafka.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewEndpointsTest {
    static final String NAME = "an.peeters";
    static final String PASSWORD = "Gelijke-kansen-2025";
    static final String MECHELEN_LINK = "https://www.mechelen.be/seksueel-geweld";

    @TempDir
    static Path dir;

    static SampleUptakeSource source;
    static ReviewLog log;
    static final AtomicBoolean storeFails = new AtomicBoolean();
    static final AtomicLong offsets = new AtomicLong();
    static final List<String> scansAsked = new ArrayList<>();
    static HttpApi writable;
    static HttpApi readOnly;
    static String token;

    @BeforeAll
    static void start() {
        ApiClient.quietLogs();
        source = new SampleUptakeSource(HttpApiTest.TODAY);
        log = ReviewLog.inMemory();
        Path file = dir.resolve("reviewers");
        Reviewers.put(file, NAME, PASSWORD);
        Reviewers.put(file, "bart.claes", "Nee-is-nee-campagne");
        ReviewWriter writer = review -> {
            if (storeFails.get()) {
                throw new ReviewWriter.NotStoredException("the broker did not answer", null);
            }
            log.recorded(offsets.incrementAndGet(), review);
        };
        ScanOnDemand scans = new ScanOnDemand() {
            @Override
            public Optional<Requested> scanOne(String nisCode) {
                if (!nisCode.equals(SampleUptakeSource.MECHELEN) && !nisCode.equals(SampleUptakeSource.GENT)) {
                    return Optional.empty();
                }
                scansAsked.add(nisCode);
                return Optional.of(new Requested("rescan-x-" + nisCode, 1));
            }

            @Override
            public Requested scanAll() {
                scansAsked.add("ALL");
                return new Requested("scan-all", 77);
            }
        };
        ReviewEndpoints endpoints = ReviewEndpoints.forReviewers(Reviewers.load(file), source, HttpApiTest.CLOCK, () -> log, () -> writer, () -> scans);
        writable = HttpApi.start("127.0.0.1", 0, Readiness.of(() -> true), source, HttpApiTest.CLOCK, config -> config.router.mount(endpoints::mount));
        ReviewEndpoints audit = ReviewEndpoints.readOnly(source, HttpApiTest.CLOCK, () -> log);
        readOnly = HttpApi.start("127.0.0.1", 0, Readiness.of(() -> true), source, HttpApiTest.CLOCK, config -> config.router.mount(audit::mount));
        token = login(NAME, PASSWORD).path("token").asText();
    }

    @AfterAll
    static void stop() {
        writable.close();
        readOnly.close();
    }

    // ---- a small client that sends what a browser or a script would ----

    static HttpResponse<String> send(HttpApi api, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> write(String method, String path, String body) {
        return send(writable, method, path, body, "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    static JsonNode login(String name, String password) {
        HttpResponse<String> response = send(writable, "POST", "/api/login",
                "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}", "Content-Type", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.parse(response.body());
    }

    static String rejection(String url) {
        return "{\"nisCode\": \"12025\", \"kind\": \"SITE_LINK\", \"verdict\": \"REJECTED\", \"url\": \"" + url
                + "\", \"reason\": \"De link staat in een nieuwsbericht van de politiezone, niet op een pagina van de stad.\"}";
    }

    static String error(HttpResponse<String> response) {
        return ApiClient.parse(response.body()).path("error").asText();
    }

    @Nested
    class Without_reviewers {
        @Test
        void no_write_endpoint_exists() {
            for (String[] call : List.of(new String[] {"POST", "/api/reviews"}, new String[] {"DELETE", "/api/reviews/" + UUID.randomUUID()},
                    new String[] {"POST", "/api/login"}, new String[] {"POST", "/api/logout"}, new String[] {"POST", "/api/scans"})) {
                HttpResponse<String> response = send(readOnly, call[0], call[1], rejection(MECHELEN_LINK), "Content-Type", "application/json",
                        "Authorization", "Basic " + Base64.getEncoder().encodeToString((NAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

                assertThat(response.statusCode()).as("%s %s: %s", call[0], call[1], response.body()).isIn(404, 405);
            }
        }

        @Test
        void the_audit_trail_is_still_readable() {
            HttpResponse<String> response = send(readOnly, "GET", "/api/reviews", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ApiClient.parse(response.body()).isArray()).isTrue();
        }
    }

    @Nested
    class Authentication {
        @Test
        void a_review_without_credentials_is_401_with_a_challenge() {
            HttpResponse<String> response = send(writable, "POST", "/api/reviews", rejection(MECHELEN_LINK), "Content-Type", "application/json");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm="));
            assertThat(error(response)).contains("login");
        }

        @Test
        void a_wrong_password_over_basic_is_401() {
            String basic = Base64.getEncoder().encodeToString((NAME + ":niet-het-wachtwoord").getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> response = send(writable, "POST", "/api/reviews", rejection(MECHELEN_LINK),
                    "Content-Type", "application/json", "Authorization", "Basic " + basic);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        }

        @Test
        void an_unknown_token_is_401() {
            HttpResponse<String> response = send(writable, "POST", "/api/reviews", rejection(MECHELEN_LINK),
                    "Content-Type", "application/json", "Authorization", "Bearer " + "x".repeat(43));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(error(response)).contains("token");
        }

        @Test
        void a_wrong_login_is_401_and_says_nothing_about_which_part_was_wrong() {
            HttpResponse<String> unknown = send(writable, "POST", "/api/login", "{\"name\": \"niemand\", \"password\": \"" + PASSWORD + "\"}",
                    "Content-Type", "application/json");
            HttpResponse<String> wrong = send(writable, "POST", "/api/login", "{\"name\": \"bart.claes\", \"password\": \"" + PASSWORD + "\"}",
                    "Content-Type", "application/json");

            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(error(unknown)).isEqualTo(error(wrong));
        }

        @Test
        void a_token_ends_at_logout() {
            String own = login("bart.claes", "Nee-is-nee-campagne").path("token").asText();

            HttpResponse<String> out = send(writable, "POST", "/api/logout", "{}", "Content-Type", "application/json", "Authorization", "Bearer " + own);
            HttpResponse<String> after = send(writable, "POST", "/api/reviews", rejection(MECHELEN_LINK),
                    "Content-Type", "application/json", "Authorization", "Bearer " + own);

            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(after.statusCode()).isEqualTo(401);
        }

        @Test
        void after_five_wrong_passwords_a_name_must_wait_even_with_the_right_one() {
            Path file = dir.resolve("reviewers");
            Reviewers.put(file, "lotte.maes", "Safer-cities-programma");
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = send(writable, "POST", "/api/login", "{\"name\": \"lotte.maes\", \"password\": \"fout-" + i + "-wachtwoord\"}",
                        "Content-Type", "application/json");
                assertThat(r.statusCode()).isEqualTo(401);
            }

            HttpResponse<String> right = send(writable, "POST", "/api/login", "{\"name\": \"lotte.maes\", \"password\": \"Safer-cities-programma\"}",
                    "Content-Type", "application/json");

            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
        }

        @Test
        void a_reviewer_added_to_the_file_while_running_can_log_in() {
            Reviewers.put(dir.resolve("reviewers"), "nieuwe.collega", "Lerend-netwerk-2021");

            assertThat(login("nieuwe.collega", "Lerend-netwerk-2021").path("reviewer").asText()).isEqualTo("nieuwe.collega");
        }
    }

    @Nested
    class Cross_site_requests {
        @Test
        void a_cross_site_form_post_is_refused() {
            HttpResponse<String> response = send(writable, "POST", "/api/reviews",
                    "nisCode=12025&kind=SITE_LINK&verdict=REJECTED&url=x&reason=y",
                    "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://aanvaller.example",
                    "Sec-Fetch-Site", "cross-site", "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(error(response)).contains("cross-site");
        }

        @Test
        void an_origin_of_another_site_is_refused_even_with_a_json_body_and_a_token() {
            HttpResponse<String> response = send(writable, "POST", "/api/reviews", rejection(MECHELEN_LINK),
                    "Content-Type", "application/json", "Origin", "https://aanvaller.example", "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void a_form_post_from_the_same_site_is_refused_for_its_content_type() {
            HttpResponse<String> response = send(writable, "POST", "/api/reviews", "nisCode=12025",
                    "Content-Type", "text/plain", "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(error(response)).contains("application/json");
        }

        @Test
        void a_login_from_another_site_is_refused() {
            HttpResponse<String> response = send(writable, "POST", "/api/login", "{\"name\": \"" + NAME + "\", \"password\": \"" + PASSWORD + "\"}",
                    "Content-Type", "application/json", "Sec-Fetch-Site", "cross-site");

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void the_own_origin_is_accepted() {
            HttpResponse<String> response = send(writable, "POST", "/api/login", "{\"name\": \"" + NAME + "\", \"password\": \"" + PASSWORD + "\"}",
                    "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + writable.port(), "Sec-Fetch-Site", "same-origin");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Validation {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                not JSON                 | {"nisCode": "12025",                                          | JSON
                an array                 | []                                                            | JSON object
                empty                    | ''                                                            | empty
                an unknown field         | {"nisCode": "12025", "reviewer": "iemand anders"}             | 'reviewer'
                no municipality          | {"kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "https://www.mechelen.be/seksueel-geweld"} | 'nisCode'
                a malformed NIS code     | {"nisCode": "1202", "kind": "SITE_LINK", "verdict": "CONFIRMED"}  | 'nisCode'
                a number for the code    | {"nisCode": 12025, "kind": "SITE_LINK", "verdict": "CONFIRMED"}   | 'nisCode'
                an unknown kind          | {"nisCode": "12025", "kind": "WEBSITE", "verdict": "CONFIRMED"}   | 'kind'
                an unknown verdict       | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "MAYBE"}      | 'verdict'
                a rejection without reason | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "REJECTED", "url": "https://www.mechelen.be/seksueel-geweld"} | 'reason'
                a blank reason           | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "REJECTED", "url": "https://www.mechelen.be/seksueel-geweld", "reason": "  "} | 'reason'
                no url for a page kind   | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED"}  | 'url'
                a url that is no URL     | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "mechelen punt be"} | 'url'
                a url of another scheme  | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "ftp://www.mechelen.be/x"} | 'url'
                a sourceId for a page    | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "https://www.mechelen.be/seksueel-geweld", "sourceId": "x"} | 'sourceId'
                an addition without date | {"nisCode": "12025", "kind": "NIGHTLIFE", "verdict": "ADDED", "url": "https://www.mechelen.be/uitgaan", "reason": "Charter veilig uitgaan"} | 'date'
                a date in the future     | {"nisCode": "12025", "kind": "NIGHTLIFE", "verdict": "ADDED", "url": "https://www.mechelen.be/uitgaan", "reason": "Charter", "date": "2031-01-01"} | 'date'
                a date that is no date   | {"nisCode": "12025", "kind": "NIGHTLIFE", "verdict": "ADDED", "url": "https://www.mechelen.be/uitgaan", "reason": "Charter", "date": "2024-02-30"} | 'date'
                an expiry in the past    | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "https://www.mechelen.be/seksueel-geweld", "expiresOn": "2024-01-01"} | 'expiresOn'
                a bad content hash       | {"nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "https://www.mechelen.be/seksueel-geweld", "contentHash": "abc"} | 'contentHash'
                a review id that is no UUID | {"reviewId": "mijn-review", "nisCode": "12025", "kind": "SITE_LINK", "verdict": "CONFIRMED", "url": "https://www.mechelen.be/seksueel-geweld"} | 'reviewId'
                a duplicate field        | {"nisCode": "12025", "nisCode": "44021"}                     | JSON
                """)
        void a_malformed_body_is_400_naming_the_field(String what, String body, String named) {
            HttpResponse<String> response = write("POST", "/api/reviews", body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(error(response)).contains(named);
        }

        @Test
        void an_unknown_municipality_is_400_naming_it() {
            HttpResponse<String> response = write("POST", "/api/reviews", rejection(MECHELEN_LINK).replace("12025", "99999"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).contains("'nisCode'").contains("99999");
        }

        @Test
        void evidence_the_record_does_not_show_is_400_naming_it() {
            HttpResponse<String> response = write("POST", "/api/reviews", rejection("https://www.mechelen.be/afval"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).contains("'url'").contains("https://www.mechelen.be/afval").contains("SITE_LINK");
        }

        @Test
        void a_newsletter_issue_that_did_not_feature_the_municipality_is_400_naming_it() {
            HttpResponse<String> response = write("POST", "/api/reviews",
                    "{\"nisCode\": \"44021\", \"kind\": \"NEWSLETTER_FEATURE\", \"verdict\": \"CONFIRMED\", \"sourceId\": \"2022-01-01-geen-nummer\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).contains("'sourceId'").contains("2022-01-01-geen-nummer");
        }

        @Test
        void adding_what_the_rules_already_found_is_400() {
            HttpResponse<String> response = write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"SITE_LINK\", \"verdict\": \"ADDED\", "
                    + "\"url\": \"" + MECHELEN_LINK + "\", \"date\": \"2021-01-04\", \"reason\": \"Staat erop\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).contains("confirm it instead");
        }

        @Test
        void no_malformed_request_to_any_write_route_is_answered_with_a_server_error() {
            List<String> bodies = List.of("", "{", "null", "[]", "[1, 2]", "\"text\"", "42", "{}", "{\"nisCode\": null}",
                    "{\"nisCode\": {}}", "{\"nisCode\": [\"12025\"]}", "{\"reason\": 5}", "{\"all\": \"ja\"}", "{\"all\": true, \"nisCode\": \"12025\"}",
                    "{\"name\": 1, \"password\": 2}", "{\"nisCode\": \"" + "1".repeat(100_000) + "\"}", "{\"reason\": \"\\ud800\"}",
                    "{\"nisCode\": \"12025\", \"kind\": \"SITE_LINK\", \"verdict\": \"ADDED\", \"url\": \"https://www.mechelen.be/x\", "
                            + "\"reason\": \"r\", \"date\": 20240101}",
                    "{\"nisCode\": \"12025\", \"kind\": \"SITE_LINK\", \"verdict\": \"CONFIRMED\", \"url\": \"https://[::1\"}",
                    "\u0000\u0001", "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
            List<String[]> routes = List.of(new String[] {"POST", "/api/reviews"}, new String[] {"DELETE", "/api/reviews/" + UUID.randomUUID()},
                    new String[] {"DELETE", "/api/reviews/%00%ff"}, new String[] {"POST", "/api/scans"}, new String[] {"POST", "/api/login"},
                    new String[] {"POST", "/api/reviews?verdict=REJECTED"});
            for (String[] route : routes) {
                for (String body : bodies) {
                    if (route[1].contains("%") && body.length() > 1_000) {
                        // Jetty refuses a path it cannot decode before any handler, without reading the body, and
                        // closes the connection: a large body then meets a closed socket (a broken pipe, no answer)
                        continue;
                    }
                    HttpResponse<String> response = write(route[0], route[1], body);

                    String what = String.format("%s %s with %.60s: %.300s", route[0], route[1], body, response.body());
                    assertThat(response.statusCode()).as(what).isBetween(400, 499);
                    assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
                    if (!route[1].contains("%")) {
                        // a path the server itself cannot decode is refused before any route, in its own words
                        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
                        assertThat(error(response)).as(what).isNotBlank();
                    }
                }
            }
        }

        @Test
        void nothing_malformed_was_stored() {
            write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"WEBSITE\", \"verdict\": \"CONFIRMED\"}");

            assertThat(log.all()).noneMatch(r -> r.getKind().equals("WEBSITE"));
        }
    }

    @Nested
    class Writing {
        @Test
        void a_rejection_is_stored_with_who_when_and_why_and_shows_in_the_audit_trail() {
            String body = "{\"nisCode\": \"44021\", \"kind\": \"SITE_LINK\", \"verdict\": \"REJECTED\", \"url\": \"" + gentLink()
                    + "\", \"reason\": \"Het is een link naar een andere organisatie.\"}";

            HttpResponse<String> response = write("POST", "/api/reviews", body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode review = ApiClient.parse(response.body());
            String id = review.path("reviewId").asText();
            assertThat(response.headers().firstValue("Location")).hasValue("/api/reviews/" + id);
            assertThat(review.path("reviewer").asText()).isEqualTo(NAME);
            assertThat(Instant.parse(review.path("reviewedAt").asText())).isEqualTo(HttpApiTest.CLOCK.instant());
            assertThat(review.path("status").asText()).isEqualTo("HOLDS");
            Review stored = log.byId(id).orElseThrow();
            assertThat(stored.getReason()).isEqualTo("Het is een link naar een andere organisatie.");

            JsonNode trail = ApiClient.parse(send(writable, "GET", "/api/reviews?nis=44021&kind=site_link&reviewer=" + NAME, null).body());
            assertThat(HttpApiTest.elements(trail)).extracting(n -> n.path("reviewId").asText()).contains(id);
        }

        @Test
        void a_repeated_request_with_the_same_id_stores_the_review_once() {
            String id = UUID.randomUUID().toString();
            String body = "{\"reviewId\": \"" + id + "\", \"nisCode\": \"12025\", \"kind\": \"CAMPAIGN\", \"verdict\": \"CONFIRMED\", "
                    + "\"url\": \"https://www.mechelen.be/nee-is-nee\"}";

            HttpResponse<String> first = write("POST", "/api/reviews", body);
            long before = offsets.get();
            HttpResponse<String> again = write("POST", "/api/reviews", body);
            HttpResponse<String> changed = write("POST", "/api/reviews", body.replace("CONFIRMED", "REJECTED").replace("}", ", \"reason\": \"toch niet\"}"));

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(offsets.get()).as("nothing written again").isEqualTo(before);
            assertThat(changed.statusCode()).isEqualTo(409);
            assertThat(log.byId(id).orElseThrow().getVerdict()).isEqualTo("CONFIRMED");
        }

        @Test
        void a_review_kafka_did_not_confirm_is_503_and_not_in_the_trail() {
            storeFails.set(true);
            try {
                HttpResponse<String> response = write("POST", "/api/reviews",
                        "{\"nisCode\": \"12025\", \"kind\": \"CAMPAIGN\", \"verdict\": \"REJECTED\", \"url\": \"https://www.mechelen.be/nee-is-nee\", "
                                + "\"reason\": \"Niet bewaard\"}");

                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(error(response)).contains("reviewId");
                assertThat(log.all()).noneMatch(r -> "Niet bewaard".equals(r.getReason()));
            } finally {
                storeFails.set(false);
            }
        }

        @Test
        void a_withdrawal_keeps_the_review_and_says_who_when_and_why() {
            String id = ApiClient.parse(write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"LEARNING_NETWORK\", \"verdict\": \"CONFIRMED\", "
                    + "\"sourceId\": \"" + SampleUptakeSource.SESSION_2019 + "\"}").body()).path("reviewId").asText();

            HttpResponse<String> withdrawn = write("DELETE", "/api/reviews/" + id, "{\"reason\": \"Verkeerde sessie aangeduid\"}");
            HttpResponse<String> again = write("DELETE", "/api/reviews/" + id, "{\"reason\": \"nog eens\"}");

            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
            JsonNode view = ApiClient.parse(withdrawn.body());
            assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(view.path("verdict").asText()).isEqualTo("CONFIRMED");
            assertThat(view.path("withdrawal").path("withdrawnBy").asText()).isEqualTo(NAME);
            assertThat(view.path("withdrawal").path("reason").asText()).isEqualTo("Verkeerde sessie aangeduid");
            assertThat(again.statusCode()).isEqualTo(409);
        }

        @Test
        void a_withdrawal_needs_a_reason_and_a_known_review() {
            HttpResponse<String> noReason = write("DELETE", "/api/reviews/" + UUID.randomUUID(), "{}");
            HttpResponse<String> unknown = write("DELETE", "/api/reviews/" + UUID.randomUUID(), "{\"reason\": \"weg ermee\"}");

            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(error(noReason)).contains("'reason'");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(error(unknown)).contains("no review");
        }

        @Test
        void a_later_review_of_the_same_finding_replaces_the_earlier_one_in_the_trail() {
            String first = ApiClient.parse(write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"NEWSLETTER_FEATURE\", \"verdict\": \"CONFIRMED\", "
                    + "\"sourceId\": \"" + SampleUptakeSource.NEE_IS_NEE_ISSUE + "\"}").body()).path("reviewId").asText();
            String second = ApiClient.parse(write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"NEWSLETTER_FEATURE\", \"verdict\": \"REJECTED\", "
                    + "\"sourceId\": \"" + SampleUptakeSource.NEE_IS_NEE_ISSUE + "\", \"reason\": \"Het nummer bracht Gent, niet Mechelen.\"}").body())
                    .path("reviewId").asText();

            Map<String, String> statuses = new java.util.HashMap<>();
            ApiClient.parse(send(writable, "GET", "/api/reviews?nis=12025&kind=NEWSLETTER_FEATURE", null).body())
                    .forEach(n -> statuses.put(n.path("reviewId").asText(), n.path("status").asText()));
            assertThat(statuses).containsEntry(first, "REPLACED").containsEntry(second, "HOLDS");
        }

        @Test
        void an_added_signal_is_stored_with_its_date_and_snippet() {
            HttpResponse<String> response = write("POST", "/api/reviews", "{\"nisCode\": \"12025\", \"kind\": \"NIGHTLIFE\", \"verdict\": \"ADDED\", "
                    + "\"url\": \"https://www.mechelen.be/veilig-uitgaan\", \"date\": \"2023-06-01\", \"snippet\": \"Vraag naar Angela aan de bar\", "
                    + "\"reason\": \"De regels missen deze pagina: het woord uitgaansleven staat er niet op.\", \"expiresOn\": \"2026-06-30\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode review = ApiClient.parse(response.body());
            assertThat(review.path("date").asText()).isEqualTo("2023-06-01");
            assertThat(review.path("expiresOn").asText()).isEqualTo("2026-06-30");
            assertThat(review.path("snippet").asText()).isEqualTo("Vraag naar Angela aan de bar");
        }

        @Test
        void the_audit_trail_comes_as_csv_too() {
            write("POST", "/api/reviews", rejection(MECHELEN_LINK));

            HttpResponse<String> csv = send(writable, "GET", "/api/reviews?nis=12025&kind=SITE_LINK&format=csv", null);

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo(String.join(",", ReviewViews.CSV_HEADER));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(MECHELEN_LINK).contains("REJECTED").contains(NAME));
        }

        @Test
        void the_audit_trail_comes_as_an_excel_workbook_too() throws Exception {
            write("POST", "/api/reviews", rejection(MECHELEN_LINK));

            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + writable.port() + "/api/reviews?nis=12025&format=xlsx")).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
                org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("Beoordelingen");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("reviewId");
                assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(1);
                List<String> reasons = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    reasons.add(sheet.getRow(r).getCell(ReviewViews.CSV_HEADER.indexOf("reason")).getStringCellValue());
                }
                assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("politiezone"));
            }
        }

        @Test
        void the_audit_trail_refuses_unknown_filters() {
            HttpResponse<String> response = send(writable, "GET", "/api/reviews?municipality=12025", null);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).contains("municipality");
        }

        private String gentLink() {
            JsonNode gent = ApiClient.parse(send(writable, "GET", "/api/municipalities/44021", null).body());
            return gent.path("signals").path("SITE_LINK").path("evidence").get(0).path("url").asText();
        }
    }

    @Nested
    class Scans_on_request {
        @Test
        void a_reviewer_asks_for_a_scan_of_one_municipality() {
            HttpResponse<String> response = write("POST", "/api/scans", "{\"nisCode\": \"44021\"}");
            HttpResponse<String> again = write("POST", "/api/scans", "{\"nisCode\": \"44021\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(ApiClient.parse(response.body()).path("scanId").asText()).isEqualTo("rescan-x-44021");
            assertThat(ApiClient.parse(response.body()).path("requestedBy").asText()).isEqualTo(NAME);
            assertThat(scansAsked).containsOnlyOnce("44021");
            assertThat(again.statusCode()).isEqualTo(429);
        }

        @Test
        void a_new_round_is_refused_while_one_runs() {
            source.setScan(new ScanProgress("scan-20250630T080000Z", ScanProgress.Status.RUNNING, Instant.parse("2025-06-30T08:00:00Z"), null, 285, 10, 0, 0, 500, Map.of(), List.of()));
            try {
                HttpResponse<String> response = write("POST", "/api/scans", "{\"all\": true}");

                assertThat(response.statusCode()).isEqualTo(409);
                assertThat(scansAsked).doesNotContain("ALL");
            } finally {
                source.setScan(ScanProgress.none());
            }
            HttpResponse<String> now = write("POST", "/api/scans", "{\"all\": true}");
            assertThat(now.statusCode()).isEqualTo(202);
            assertThat(scansAsked).contains("ALL");
        }

        @Test
        void a_scan_request_names_what_is_wrong() {
            assertThat(write("POST", "/api/scans", "{}").statusCode()).isEqualTo(400);
            assertThat(error(write("POST", "/api/scans", "{\"nisCode\": \"99999\"}"))).contains("'nisCode'").contains("99999");
            assertThat(error(write("POST", "/api/scans", "{\"all\": \"ja\"}"))).contains("'all'");
        }

        @Test
        void a_scan_request_needs_a_login() {
            HttpResponse<String> response = send(writable, "POST", "/api/scans", "{\"all\": true}", "Content-Type", "application/json");

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }
}
