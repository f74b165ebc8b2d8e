package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs up to {@link CrawlConfig#crawlConcurrency()} site crawls in parallel on one shared
 * {@link SiteCrawler}, so connections and per-host politeness are shared too.
 */
public final class CrawlerPool implements AutoCloseable {

    private final SiteCrawler crawler;
    private final ExecutorService workers;
    private final LongAdder pagesRead = new LongAdder();

    public CrawlerPool(CrawlConfig config, SignalCatalogue catalogue) {
        this.crawler = new SiteCrawler(config, catalogue);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "site-crawl-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(config.crawlConcurrency(), threads);
    }

    /**
     * Queues one site crawl. The future completes with the final lifecycle record (COMPLETED or FAILED);
     * it completes exceptionally only when the listener throws while reporting that record.
     */
    public CompletableFuture<WebsiteScan> submit(ScanRequest request, ScanListener listener) {
        ScanListener counting = new ScanListener() {
            @Override
            public void page(WebsitePage page) {
                listener.page(page);
                pagesRead.increment();
            }

            @Override
            public void scan(WebsiteScan lifecycle) {
                listener.scan(lifecycle);
            }
        };
        return CompletableFuture.supplyAsync(() -> crawler.crawl(request, counting), workers);
    }

    /** Pages and documents the crawls of this pool read and reported so far. */
    public long pagesRead() {
        return pagesRead.sum();
    }

    /** Response body bytes the crawls of this pool read so far. */
    public long bytesRead() {
        return crawler.bytesRead();
    }

    /** Stops taking work, interrupts running crawls (they end FAILED INTERRUPTED) and closes connections. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                org.slf4j.LoggerFactory.getLogger(CrawlerPool.class)
                        .warn("Site crawls still running 30 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        crawler.close();
    }
}
