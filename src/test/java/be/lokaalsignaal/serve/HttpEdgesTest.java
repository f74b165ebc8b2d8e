package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the HTTP server, asked with raw requests (a well-behaved client would refuse to
 * send most of them): what does not decode is a 400 naming the parameter, a wrong method a 405
 * with Allow, every error JSON (also Jetty's own), and every answer carries the security headers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpEdgesTest {

    static HttpApi api;
    static HttpApi peerApi;
    static final PeerSecret SECRET = PeerSecret.of("0123456789abcdef0123456789abcdef");

    @BeforeAll
    static void start() {
        ApiClient.quietLogs();
        api = HttpApi.start("127.0.0.1", 0, () -> true, new SampleUptakeSource(HttpApiTest.TODAY), HttpApiTest.CLOCK);
        StreamsUptakeSource peers = new StreamsUptakeSource(new HostInfo("127.0.0.1", 1), HttpApiTest.CLOCK, Duration.ofSeconds(2),
                ScanProgress::none, List::of, List::of, SECRET);
        peerApi = HttpApi.start("127.0.0.1", 0, () -> true, peers, HttpApiTest.CLOCK);
    }

    @AfterAll
    static void stop() {
        api.close();
        peerApi.close();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return ApiClient.parse(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a request line (and headers) exactly as given. */
    static Answer raw(HttpApi server, String requestLine, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, split).split("\r\n");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                fields.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), fields, response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer get(String target) {
        return raw(api, "GET " + target);
    }

    static void assertJsonError(Answer answer, int status, String... named) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        String error = answer.json().path("error").asText();
        assertThat(error).isNotEmpty();
        for (String n : named) {
            assertThat(error).contains(n);
        }
    }

    @Test
    void a_malformed_percent_escape_in_a_value_is_a_400_naming_the_parameter_not_a_dropped_filter() {
        assertJsonError(get("/api/municipalities?province=Limburg%"), 400, "parameter 'province'", "percent-escape");
        assertJsonError(get("/api/municipalities?asOf=2019-06-01%"), 400, "parameter 'asOf'", "percent-escape");
        assertJsonError(get("/api/summary?asOf=2019-06-0%1"), 400, "parameter 'asOf'", "'%1'");
        assertJsonError(get("/api/practices?kind=CAMPAIGN%zz"), 400, "parameter 'kind'", "'%zz'");
    }

    @Test
    void a_malformed_parameter_name_is_a_400() {
        assertJsonError(get("/api/health?%=1"), 400, "parameter name", "percent-escape");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/municipalities?format=csv%00", "/api/calls?format=csv%0a", "/api/municipalities?province=Lim%00burg",
        "/api/municipalities/11002?asOf=%002019-06-01"})
    void a_nul_or_other_control_character_in_a_value_is_a_400_naming_the_parameter(String target) {
        String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
        assertJsonError(get(target), 400, "parameter '" + parameter + "'", "control character");
    }

    @Test
    void bytes_that_are_not_utf8_are_a_400_not_a_replacement_character() {
        assertJsonError(get("/api/municipalities?province=%ff"), 400, "parameter 'province'", "UTF-8");
    }

    @Test
    void well_formed_escapes_still_decode() {
        Answer answer = get("/api/municipalities?province=West%2DVlaanderen&centreCity=tr%75e");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isNotEmpty().allSatisfy(m -> assertThat(m.path("province").asText()).isEqualTo("West-Vlaanderen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/municipalities/%00", "/api/municipalities/11%00002", "/api/%00"})
    void a_nul_in_the_path_is_a_json_400_from_the_server_itself(String target) {
        Answer answer = get(target);
        assertJsonError(answer, 400, "cannot be read");
        assertThat(answer.body()).doesNotContain("<");
        assertSecurityHeaders(answer, HttpEdges.DATA_POLICY);
    }

    @Test
    void an_encoded_slash_in_the_path_is_a_json_400() {
        assertJsonError(get("/api/municipalities/11%2f002"), 400);
    }

    @Test
    void a_request_line_the_server_cannot_parse_is_a_json_400() {
        Answer answer = raw(api, "GET /api/he\u0001alth");
        assertJsonError(answer, 400, "cannot be read");
        assertSecurityHeaders(answer, HttpEdges.DATA_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/health", "DELETE /api/municipalities/11002", "PUT /api/municipalities", "PATCH /api/summary",
        "OPTIONS /api/calls"})
    void a_wrong_method_on_a_known_path_is_a_405_with_allow(String requestLine) {
        Answer answer = raw(api, requestLine, "Content-Length: 0");
        assertJsonError(answer, 405, requestLine.split(" ")[0], "GET, HEAD");
        assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void an_unknown_path_stays_a_404_in_json() {
        assertJsonError(get("/api/nergens"), 404, "no such path: /api/nergens");
        assertJsonError(raw(api, "POST /api/nergens", "Content-Length: 0"), 404, "no such path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/health", "/api/municipalities?format=csv", "/api/municipalities/11002", "/api/nergens",
        "/api/municipalities?province=Limburg%"})
    void every_api_answer_carries_the_security_headers(String target) {
        assertSecurityHeaders(get(target), HttpEdges.DATA_POLICY);
    }

    @Test
    void the_dashboard_may_not_be_framed_and_loads_nothing_from_elsewhere() {
        Answer answer = get("/");
        assertThat(answer.status()).isEqualTo(200);
        assertSecurityHeaders(answer, HttpEdges.DASHBOARD_POLICY);
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
    }

    static void assertSecurityHeaders(Answer answer, String policy) {
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(policy);
    }

    @Test
    void the_peer_endpoints_refuse_a_caller_without_the_shared_secret() {
        assertJsonError(raw(peerApi, "GET /internal/peer/uptake"), 403, "instances of this application");
        assertJsonError(raw(peerApi, "GET /internal/peer/calls", PeerSecret.HEADER + ": 0123456789abcdef0123456789abcdee"), 403);
        assertJsonError(raw(peerApi, "GET /internal/peer/uptake/11002", PeerSecret.HEADER + ": "), 403);
    }

    @Test
    void the_peer_endpoints_answer_a_caller_with_the_shared_secret() {
        // no topology behind this server: past the secret, the endpoint answers that it is starting
        Answer answer = raw(peerApi, "GET /internal/peer/uptake", PeerSecret.HEADER + ": 0123456789abcdef0123456789abcdef");
        assertJsonError(answer, 503, "starting");
    }

    @Test
    void the_query_check_passes_plain_and_encoded_values_and_names_the_parameter_it_refuses() {
        assertThatCode(() -> HttpEdges.checkQuery("asOf=2021-12-31&format=csv&province=West%2DVlaanderen&q=a+b&&empty=")).doesNotThrowAnyException();
        assertThatCode(() -> HttpEdges.checkQuery("q=%C3%A9")).doesNotThrowAnyException();
        assertThatThrownBy(() -> HttpEdges.checkQuery("q=%C3")).hasMessageContaining("parameter 'q'").hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> HttpEdges.checkQuery("a=1&q=%7f")).hasMessageContaining("parameter 'q'").hasMessageContaining("U+007F");
    }
}
