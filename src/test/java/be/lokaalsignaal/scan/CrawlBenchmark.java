package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.scan.corpus.TestCorpus;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crawler throughput, not a test: crawls every site of the test corpus (with filler pages, so at least
 * 5,000 pages) through a {@link CrawlerPool} with politeness off (no crawl delay), and prints the pages
 * fetched, the seconds and the pages per second. Everything runs in this JVM on loopback: it measures the
 * crawler (HTTP client, extraction, rules), not the network.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.mainClass=be.lokaalsignaal.scan.CrawlBenchmark \
 *     -Dexec.classpathScope=test [-Dbench.filler=240] [-Dbench.concurrency=16]
 * </pre>
 * Defaults: 240 filler pages per site (5,825 readable pages plus the capped calendar), concurrency 16 (the run default).
 */
public final class CrawlBenchmark {

    private CrawlBenchmark() {}

    public static void main(String[] args) throws Exception {
        // system properties, not exec.args: exec.args would also reach the build's own exec execution
        int filler = Integer.getInteger("bench.filler", 240);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        SignalCatalogue catalogue = SignalCatalogue.bundled();
        try (TestCorpus corpus = TestCorpus.start(filler)) {
            CrawlConfig config = corpus.crawlConfig().withCrawlConcurrency(concurrency);
            System.out.printf("corpus: %d sites, %d readable pages (+ the endless calendar, capped at %d), filler %d per site%n",
                    corpus.sites().size(), corpus.pageCount(), config.maxQueryVariants(), filler);
            System.out.printf("crawl: concurrency %d, crawl delay %s, timeout %s, max pages per site %d, max bytes %d%n",
                    config.crawlConcurrency(), config.crawlDelay(), config.timeout(), config.maxPages(), config.maxBytes());
            warmUp(corpus, config, catalogue);

            AtomicInteger pages = new AtomicInteger();
            List<CompletableFuture<WebsiteScan>> scans = new ArrayList<>();
            long begin = System.nanoTime();
            try (CrawlerPool pool = new CrawlerPool(config, catalogue)) {
                for (TestCorpus.Site site : corpus.sites()) {
                    ScanRequest request = ScanRequest.newBuilder().setScanId("bench").setNisCode(site.nisCode())
                            .setName(site.name()).setStartUrl(site.startUrl()).setRequestedAt(Instant.now()).build();
                    scans.add(pool.submit(request, new ScanListener() {
                        @Override
                        public void page(WebsitePage page) {
                            pages.incrementAndGet();
                        }

                        @Override
                        public void scan(WebsiteScan scan) {}
                    }));
                }
                CompletableFuture.allOf(scans.toArray(new CompletableFuture[0])).join();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            int fetched = scans.stream().mapToInt(f -> f.join().getPagesFetched()).sum();
            int failed = scans.stream().mapToInt(f -> f.join().getPagesFailed()).sum();
            long completed = scans.stream().filter(f -> "COMPLETED".equals(f.join().getStatus())).count();
            System.out.printf("sites: %d completed, %d failed; pages fetched %d (%d page records), %d failed requests%n",
                    completed, scans.size() - completed, fetched, pages.get(), failed);
            System.out.printf("RESULT pages=%d seconds=%.2f pages_per_second=%.0f%n", fetched, seconds, fetched / seconds);
        }
    }

    /** One small crawl first, so class loading and JIT warm-up are not counted. */
    private static void warmUp(TestCorpus corpus, CrawlConfig config, SignalCatalogue catalogue) {
        try (CrawlerPool pool = new CrawlerPool(config, catalogue)) {
            TestCorpus.Site site = corpus.site("link-gewoon");
            ScanRequest request = ScanRequest.newBuilder().setScanId("warm-up").setNisCode(site.nisCode())
                    .setName(site.name()).setStartUrl(site.startUrl()).setRequestedAt(Instant.now()).build();
            pool.submit(request, new ScanListener() {
                @Override
                public void page(WebsitePage page) {}

                @Override
                public void scan(WebsiteScan scan) {}
            }).join();
        }
    }
}
