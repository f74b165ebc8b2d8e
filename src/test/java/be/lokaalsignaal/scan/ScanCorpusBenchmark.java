package be.lokaalsignaal.scan;

import be.lokaalsignaal.scan.corpus.CorpusRun;
import be.lokaalsignaal.scan.corpus.TestCorpus;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * End-to-end figure, not a test: the runnable jar (as RunOnCorpusIT starts it, 256 MB heap, embedded broker
 * and registry) scans the test corpus; the clock runs until every municipality's uptake on the API
 * reflects its scan (exactly the expected website signal kinds and the last scan's outcome).
 * Run through bench/scan-corpus.sh; -Dbench.filler: filler pages per site (default 0).
 */
public final class ScanCorpusBenchmark {

    private ScanCorpusBenchmark() {}

    public static void main(String[] args) throws Exception {
        int filler = Integer.getInteger("bench.filler", 0);
        Path work = Files.createTempDirectory("scan-corpus-bench");
        try (TestCorpus corpus = TestCorpus.start(filler)) {
            Instant launched = Instant.now();
            try (CorpusRun run = CorpusRun.start(corpus, work, "256m", Path.of("target", "scan-corpus-bench"),
                    List.of("--max-pages", String.valueOf(Math.max(500, filler + 100))))) {
                run.await("/api/health", h -> "UP".equals(h.path("status").asText()), Duration.ofMinutes(5), "health UP");
                Instant up = Instant.now();
                int sites = corpus.sites().size();
                JsonNode round = run.await("/api/scans/latest", p -> "COMPLETE".equals(p.path("status").asText())
                        && p.path("municipalities").path("total").asInt() == sites, Duration.ofMinutes(15), "complete round");
                Instant roundSeen = Instant.now();
                Instant roundStart = Instant.parse(round.path("startedAt").asText());
                Instant roundEnd = Instant.parse(round.path("completedAt").asText());
                Map<String, Set<SignalKind>> expected = corpus.sites().stream()
                        .collect(Collectors.toMap(TestCorpus.Site::nisCode, TestCorpus.Site::expectedKinds));
                Map<String, String> expectedStatus = corpus.sites().stream()
                        .collect(Collectors.toMap(TestCorpus.Site::nisCode, TestCorpus.Site::expectedStatus));
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (true) {
                    boolean all = true;
                    for (TestCorpus.Site site : corpus.sites()) {
                        Optional<JsonNode> m = run.get("/api/municipalities/" + site.nisCode());
                        if (m.isEmpty() || !CorpusRun.presentWebsiteKinds(m.get()).equals(expected.get(site.nisCode()))
                                || !expectedStatus.get(site.nisCode()).equals(m.get().path("lastScan").path("status").asText())) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("uptake did not reflect the scan within 5 minutes");
                    }
                    Thread.sleep(100);
                }
                Instant reflected = Instant.now();
                System.out.printf("corpus: %d sites, filler %d per site, %d pages in the round%n", sites, filler,
                        round.path("pages").asInt());
                System.out.printf("RESULT startup_s=%.1f round_s=%.1f scan_and_aggregate_s=%.1f launch_to_reflected_s=%.1f "
                                + "(round seen complete %.1f s after it started)%n",
                        seconds(launched, up), seconds(roundStart, roundEnd), seconds(roundStart, reflected),
                        seconds(launched, reflected), seconds(roundStart, roundSeen));
                run.stop(Duration.ofSeconds(30));
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
