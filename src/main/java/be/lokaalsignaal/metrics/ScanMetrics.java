package be.lokaalsignaal.metrics;

import be.lokaalsignaal.serve.ScanProgress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Scan progress as meters (the round's gauges hold their supplier strongly: Micrometer keeps only a
 * weak reference to what a gauge reads, and nothing else holds a method reference): the latest round over all municipal websites as every instance sees it
 * (from the scan topics), and what this instance's crawlers read.
 */
public final class ScanMetrics {
    private ScanMetrics() {}

    /** Gauges of the latest scan round. */
    public static void bindRound(MeterRegistry registry, Supplier<ScanProgress> progress) {
        websites(registry, progress, "total", ScanProgress::total);
        websites(registry, progress, "done", ScanProgress::done);
        websites(registry, progress, "failed", ScanProgress::failed);
        Gauge.builder("lokaalsignaal.scan.pages", progress, p -> p.get().pages())
                .description("Pages and documents fetched in the latest scan round")
                .strongReference(true)
                .register(registry);
        Gauge.builder("lokaalsignaal.scan.running", progress, p -> p.get().status() == ScanProgress.Status.RUNNING ? 1 : 0)
                .description("1 while a scan round runs, 0 otherwise")
                .strongReference(true)
                .register(registry);
        Gauge.builder("lokaalsignaal.scan.started", progress, p -> p.get().startedAt() == null ? 0 : p.get().startedAt().getEpochSecond())
                .description("Start of the latest scan round, seconds since the epoch; 0 before the first")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Counters of this instance's crawlers since it started.
     *
     * @param crawler what counts, held by its owner as long as the instance runs (the meters refer to it weakly)
     */
    public static <T> void bindCrawler(MeterRegistry registry, T crawler, ToLongFunction<T> pagesRead, ToLongFunction<T> bytesRead) {
        FunctionCounter.builder("lokaalsignaal.crawler.pages", crawler, c -> pagesRead.applyAsLong(c))
                .description("Pages and documents this instance's crawlers read and reported")
                .register(registry);
        FunctionCounter.builder("lokaalsignaal.crawler.bytes", crawler, c -> bytesRead.applyAsLong(c))
                .description("Response bytes this instance's crawlers read (bodies, up to the byte limit)")
                .baseUnit("bytes")
                .register(registry);
    }

    private static void websites(MeterRegistry registry, Supplier<ScanProgress> progress, String state, ToDoubleFunction<ScanProgress> value) {
        Gauge.builder("lokaalsignaal.scan.websites", progress, p -> value.applyAsDouble(p.get()))
                .description("Municipal websites in the latest scan round: total, done (completed or failed) and failed")
                .tag("state", state)
                .strongReference(true)
                .register(registry);
    }
}
