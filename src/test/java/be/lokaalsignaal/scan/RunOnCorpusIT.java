package be.lokaalsignaal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.corpus.CorpusRun;
import be.lokaalsignaal.scan.corpus.TestCorpus;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole system as a user runs it: the runnable jar in its own 256 MB JVM, on an embedded broker and
 * registry, scanning the sites of the test corpus, answering on its HTTP API, then stopped with SIGTERM.
 * The child's output is kept in target/run-on-corpus-stderr.log and -stdout.log.
 */
class RunOnCorpusIT {

    /** From launch until the round is COMPLETE: start of broker and registry, then the crawl. */
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(3);
    /** After the round: until every municipality's uptake reflects its scan. */
    private static final Duration TOPOLOGY_TIMEOUT = Duration.ofMinutes(4);
    /** The slow page trickles a byte every 200 ms for a minute. */
    private static final Duration SLOW_PAGE = Duration.ofSeconds(60);
    private static final Path LOGS = Path.of("target", "run-on-corpus");

    private TestCorpus corpus;
    private CorpusRun run;
    private Path work;

    @AfterEach
    void cleanUp() throws IOException {
        if (run != null) {
            run.close();
        }
        if (corpus != null) {
            corpus.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void runScansTheCorpusAndAnswersPerMunicipalityThenStopsOnSigterm() throws Exception {
        corpus = TestCorpus.start();
        work = Files.createTempDirectory("run-on-corpus");
        Instant launched = Instant.now();
        run = CorpusRun.start(corpus, work, "256m", LOGS, List.of());
        Path stderr = Path.of(LOGS + "-stderr.log");

        // ---- the round ends, with every site's expected outcome
        JsonNode health = run.await("/api/health", h -> "UP".equals(h.path("status").asText()), ROUND_TIMEOUT, "health UP");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<ProcessHandle> children = run.process().descendants().toList();
        assertThat(children).as("the embedded registry runs as a child process")
                .anyMatch(p -> p.info().commandLine().orElse("").contains("apicurio"));

        int sites = corpus.sites().size();
        long expectedFailed = corpus.sites().stream().filter(s -> "FAILED".equals(s.expectedStatus())).count();
        Duration left = ROUND_TIMEOUT.minus(Duration.between(launched, Instant.now()));
        JsonNode round = run.await("/api/scans/latest",
                p -> "COMPLETE".equals(p.path("status").asText()) && p.path("municipalities").path("total").asInt() == sites,
                left.isNegative() ? Duration.ZERO : left, "complete scan round");
        Duration roundTook = Duration.between(Instant.parse(round.path("startedAt").asText()),
                Instant.parse(round.path("completedAt").asText()));
        System.out.printf("RunOnCorpusIT: up and round complete %s after launch; round took %s; %d pages%n",
                Duration.between(launched, Instant.now()), roundTook, round.path("pages").asInt());

        assertThat(round.path("municipalities").path("total").asInt()).isEqualTo(sites);
        assertThat(round.path("municipalities").path("done").asInt()).isEqualTo(sites);
        assertThat(round.path("municipalities").path("failed").asLong()).isEqualTo(expectedFailed);
        Map<String, String> expectedStatus = new LinkedHashMap<>();
        Map<String, String> actualStatus = new LinkedHashMap<>();
        Map<String, Integer> expectedPages = new LinkedHashMap<>();
        Map<String, Integer> actualPages = new LinkedHashMap<>();
        for (JsonNode m : round.path("perMunicipality")) {
            actualStatus.put(m.path("nisCode").asText(), m.path("status").asText());
            actualPages.put(m.path("nisCode").asText(), m.path("pages").asInt());
        }
        for (TestCorpus.Site site : corpus.sites()) {
            expectedStatus.put(site.nisCode(), site.expectedStatus());
            expectedPages.put(site.nisCode(), site.pages() >= 0 ? site.pages() : actualPages.get(site.nisCode()));
        }
        assertThat(actualStatus).isEqualTo(expectedStatus);
        assertThat(actualPages).isEqualTo(expectedPages);

        // ---- one stuck site does not hold up the others: its slow page is cut at the 2 s timeout
        TestCorpus.Site slow = corpus.site("trage-pagina");
        assertThat(actualStatus.get(slow.nisCode())).isEqualTo("COMPLETED");
        assertThat(roundTook).as("the round ends long before the slow page would").isLessThan(SLOW_PAGE);

        // ---- every municipality shows exactly its site's signal kinds, once the topology caught up
        Map<String, Set<SignalKind>> expected = new LinkedHashMap<>();
        corpus.sites().forEach(s -> expected.put(s.name(), s.expectedKinds()));
        Map<String, Set<SignalKind>> actual = new LinkedHashMap<>();
        Map<String, String> lastScan = new LinkedHashMap<>();
        Map<String, String> expectedLastScan = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TOPOLOGY_TIMEOUT.toNanos();
        do {
            for (TestCorpus.Site site : corpus.sites()) {
                Optional<JsonNode> m = run.get("/api/municipalities/" + site.nisCode());
                m.ifPresent(json -> {
                    actual.put(site.name(), CorpusRun.presentWebsiteKinds(json));
                    lastScan.put(site.name(), json.path("lastScan").path("status").asText());
                });
                expectedLastScan.put(site.name(), site.expectedStatus());
            }
            if (actual.equals(expected) && lastScan.equals(expectedLastScan)) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        System.out.printf("RunOnCorpusIT: every municipality's uptake reflects its scan %s after launch%n",
                Duration.between(launched, Instant.now()));
        assertThat(actual).isEqualTo(expected);
        assertThat(lastScan).isEqualTo(expectedLastScan);

        // ---- the 50 MB page did not bring the 256 MB JVM down
        assertThat(actualStatus.get(corpus.site("grote-pagina").nisCode())).isEqualTo("COMPLETED");
        assertThat(run.process().isAlive()).isTrue();
        assertThat(run.get("/api/health")).map(h -> h.path("status").asText()).contains("UP");
        assertThat(CorpusRun.read(stderr)).doesNotContain("OutOfMemoryError").doesNotContain("the uptake topology failed");

        // ---- SIGTERM: out within 10 s, the registry with it
        List<ProcessHandle> before = run.process().descendants().toList();
        assertThat(before).isNotEmpty();
        long t0 = System.nanoTime();
        boolean exited = run.stop(Duration.ofMinutes(2));
        System.out.printf("RunOnCorpusIT: SIGTERM to exit in %d ms, exit code %s%n", (System.nanoTime() - t0) / 1_000_000,
                exited ? run.process().exitValue() : "(still running)");
        assertThat(exited).as("exits after SIGTERM").isTrue();
        long graceEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (before.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < graceEnd) {
            Thread.sleep(100);
        }
        assertThat(before).as("child processes left behind").noneMatch(ProcessHandle::isAlive);
        // in order: Streams flushed to the registry before it stopped (shutdown hooks run concurrently)
        assertThat(CorpusRun.read(stderr)).contains("lokaal-signaal stopped").doesNotContain("is unreachable");
    }
}
