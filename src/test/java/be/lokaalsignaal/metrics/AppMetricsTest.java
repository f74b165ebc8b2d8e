package be.lokaalsignaal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.serve.HttpApi;
import be.lokaalsignaal.serve.Readiness;
import be.lokaalsignaal.serve.ScanProgress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters of an instance as /metrics serves them, over a real HTTP server without Kafka. */
class AppMetricsTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<ScanProgress> progress = new AtomicReference<>(ScanProgress.none());
    private final Crawled crawled = new Crawled(new AtomicLong(), new AtomicLong());
    private AppMetrics metrics;
    private HttpApi api;

    @BeforeEach
    void start() {
        metrics = new AppMetrics();
        ScanMetrics.bindRound(metrics.registry(), progress::get);
        ScanMetrics.bindCrawler(metrics.registry(), crawled, c -> c.pages().get(), c -> c.bytes().get());
        api = HttpApi.start("127.0.0.1", 0, Readiness.Health::ready, null, Clock.systemUTC(), metrics::extend);
    }

    @AfterEach
    void stop() {
        api.close();
        metrics.close();
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("# HELP lokaalsignaal_scan_websites ");
    }

    @Test
    void requestsAreTimedPerDeclaredRouteNeverPerPathAsRequested() throws Exception {
        get("/api/health");
        get("/api/health");
        // refused before any data is read (a malformed NIS code), still timed under its route
        get("/api/municipalities/1202x");
        get("/no/such/path");
        get("/");
        get("/geo/nope.json");

        // a request is timed once its response is written: the client may ask for /metrics a moment before
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/metrics").body())
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/health\",status=\"200\"} 2")
                .containsPattern("http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/api/municipalities/\\{nis\\}\",status=\"400\",le=\"0.001\"\\}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"NOT_FOUND\",status=\"404\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"static\",status=\"200\"} 1")
                .doesNotContain("1202x").doesNotContain("nope").doesNotContain("/no/such/path"));
    }

    @Test
    void scanProgressOfTheLatestRoundAndTheCrawlerCountsAreMeters() throws Exception {
        progress.set(new ScanProgress("scan-20270115T030000Z", ScanProgress.Status.RUNNING, Instant.ofEpochSecond(1_800_000_000L), null, 77, 12, 3, 0, 950, Map.of(), List.of()));
        crawled.pages().set(950);
        crawled.bytes().set(12_345_678);

        String body = get("/metrics").body();

        assertThat(body)
                .contains("lokaalsignaal_scan_websites{state=\"total\"} 77.0")
                .contains("lokaalsignaal_scan_websites{state=\"done\"} 12.0")
                .contains("lokaalsignaal_scan_websites{state=\"failed\"} 3.0")
                .contains("lokaalsignaal_scan_pages 950.0")
                .contains("lokaalsignaal_scan_running 1.0")
                .contains("lokaalsignaal_scan_started_seconds 1.8E9")
                .contains("lokaalsignaal_crawler_pages_total 950.0")
                .contains("lokaalsignaal_crawler_bytes_total 1.2345678E7");
    }

    @Test
    void sourceErrorsAreCountedPerConnector() throws Exception {
        metrics.sourceError("newsletter");
        metrics.sourceError("newsletter");
        metrics.sourceError("register");

        String body = get("/metrics").body();

        assertThat(body)
                .contains("lokaalsignaal_source_errors_total{connector=\"newsletter\"} 2.0")
                .contains("lokaalsignaal_source_errors_total{connector=\"register\"} 1.0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a crawler pool counts. */
    private record Crawled(AtomicLong pages, AtomicLong bytes) {}
}
