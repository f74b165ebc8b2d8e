package be.lokaalsignaal.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one running instance, served as {@code GET /metrics} in the Prometheus text format:
 * Kafka Streams with its consumers and producers (lag, process rate, commit latency, state stores),
 * scan progress and crawling, source errors, HTTP requests per route, and the JVM. Meter names are
 * listed in the README.
 */
public final class AppMetrics implements AutoCloseable {
    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** How often the Kafka binders look for metrics that appeared since (partitions assigned, stores opened). */
    static final Duration KAFKA_REFRESH = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AppMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ScheduledExecutorService kafkaRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics-kafka-refresh");
        t.setDaemon(true);
        return t;
    });
    private final Deque<AutoCloseable> bound = new ArrayDeque<>();

    /**
     * Of the RocksDB metrics, one series per store, task and metric, only those that say how big a store
     * is and whether it fails: all of them, with the per-processor-node and per-store cache metrics, make
     * a scrape of more than 2 MB (11,764 lines measured, one instance, 6 partitions), slow to take and to
     * keep.
     */
    static final Set<String> STATE_STORE_METRICS = Set.of(
            "kafka.stream.state.estimate.num.keys",
            "kafka.stream.state.total.sst.files.size",
            "kafka.stream.state.live.sst.files.size",
            "kafka.stream.state.size.all.mem.tables",
            "kafka.stream.state.estimate.table.readers.mem",
            "kafka.stream.state.block.cache.usage",
            "kafka.stream.state.background.errors");

    public AppMetrics() {
        registry.config().meterFilter(MeterFilter.deny(id -> leftOut(id.getName())));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        bound.push(gc);
    }

    /** Kafka meters the scrape leaves out: per processor node, per record cache, and most RocksDB statistics. */
    static boolean leftOut(String name) {
        return name.startsWith("kafka.stream.processor.node.")
                || name.startsWith("kafka.stream.record.cache.")
                || name.startsWith("kafka.stream.state.") && !STATE_STORE_METRICS.contains(name);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Adds {@code GET /metrics} and the per-route request timer to the HTTP server's configuration. */
    public void extend(JavalinConfig config) {
        config.requestLogger.http(new HttpRequestMetrics(registry));
        config.router.mount(routes -> routes.get(PATH, this::serve));
    }

    private void serve(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    /** Binds every metric of the topology and of its clients, including ones that appear later. */
    public void bind(KafkaStreams streams) {
        KafkaClientMeters meters = new KafkaClientMeters(streams::metrics, registry, name -> !leftOut(name));
        meters.refresh();
        kafkaRefresh.scheduleAtFixedRate(() -> {
            try {
                meters.refresh();
            } catch (RuntimeException e) {
                // a failed refresh must not end the schedule: the next one tries again
                LOG.warn("Kafka metrics could not be refreshed: {}", e.toString());
            }
        }, KAFKA_REFRESH.toMillis(), KAFKA_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        bound.push(meters);
    }

    /** Counts a record that a source connector could not read (published to source-errors). */
    public void sourceError(String connector) {
        Counter.builder("lokaalsignaal.source.errors")
                .description("Source records that could not be read and went to the source-errors topic, by connector")
                .tag("connector", connector)
                .register(registry)
                .increment();
    }

    @Override
    public void close() {
        while (!bound.isEmpty()) {
            try {
                bound.pop().close();
            } catch (Exception e) {
                // a binder that fails to close leaves nothing behind but its meters
            }
        }
        kafkaRefresh.shutdownNow();
        registry.close();
    }
}
