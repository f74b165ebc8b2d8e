package be.lokaalsignaal.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The metrics of Kafka Streams and its clients as meters, named as Micrometer's Kafka binders name
 * them ({@code kafka.<group without -metrics>.<name>}, dashes as dots, the metric's tags and
 * {@code kafka.version}), bound incrementally: a refresh looks only at metrics that appeared or went.
 *
 * <p>Micrometer's {@code KafkaStreamsMetrics} examined every metric again (some tens of thousands
 * with 31 partitions, most of them left out of the scrape) whenever a single one appeared or went,
 * which Kafka's clients do all the time: an idle instance allocated 650 MB and a burst of CPU every
 * refresh, which showed in the latency of the API beside it.
 *
 * <p>Prometheus wants one set of tag keys per meter name; Kafka gives some metrics at client level
 * and per partition under one name (records-lag-max): the variant with more tags is kept.
 */
final class KafkaClientMeters implements AutoCloseable {
    private static final String VERSION = AppInfoParser.getVersion();

    private final Supplier<Map<MetricName, ? extends Metric>> source;
    private final MeterRegistry registry;
    private final Predicate<String> wanted;
    /** Bound metrics, holding the Metric the meter reads (meters keep only a weak reference to it). */
    private final Map<MetricName, Bound> bound = new HashMap<>();
    /** Metrics not bound (left out, not numeric, or a variant with fewer tags), with their meter name. */
    private final Map<MetricName, String> skipped = new HashMap<>();
    /** Meter name to the metrics bound under it. */
    private final Map<String, Set<MetricName>> byMeter = new HashMap<>();

    private record Bound(String meterName, Meter.Id id, Metric metric) {}

    KafkaClientMeters(Supplier<Map<MetricName, ? extends Metric>> source, MeterRegistry registry, Predicate<String> wanted) {
        this.source = source;
        this.registry = registry;
        this.wanted = wanted;
    }

    /** Binds the metrics that appeared since the last refresh and removes the meters of those that went. */
    synchronized void refresh() {
        Map<MetricName, ? extends Metric> now = source.get();
        List<String> emptied = new ArrayList<>();
        for (Iterator<Map.Entry<MetricName, Bound>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MetricName, Bound> e = it.next();
            if (!now.containsKey(e.getKey())) {
                it.remove();
                registry.remove(e.getValue().id());
                Set<MetricName> under = byMeter.get(e.getValue().meterName());
                under.remove(e.getKey());
                if (under.isEmpty()) {
                    byMeter.remove(e.getValue().meterName());
                    emptied.add(e.getValue().meterName());
                }
            }
        }
        // a variant with fewer tags, skipped while one with more was bound, gets its turn again
        skipped.entrySet().removeIf(e -> !now.containsKey(e.getKey()) || emptied.contains(e.getValue()));
        for (Map.Entry<MetricName, ? extends Metric> e : now.entrySet()) {
            if (!bound.containsKey(e.getKey()) && !skipped.containsKey(e.getKey())) {
                bind(e.getKey(), e.getValue());
            }
        }
    }

    private void bind(MetricName name, Metric metric) {
        String meterName = meterName(name);
        if (!wanted.test(meterName) || "app-info".equals(name.group()) || "kafka-metrics-count".equals(name.group())
                || !(metric.metricValue() instanceof Number)) {
            skipped.put(name, meterName);
            return;
        }
        Set<MetricName> under = byMeter.computeIfAbsent(meterName, k -> new HashSet<>());
        int tags = name.tags().size();
        for (MetricName other : List.copyOf(under)) {
            int otherTags = other.tags().size();
            if (otherTags > tags) {
                skipped.put(name, meterName);
                return;
            }
            if (otherTags < tags) {
                registry.remove(bound.remove(other).id());
                under.remove(other);
                skipped.put(other, meterName);
            }
        }
        List<Tag> meterTags = new ArrayList<>(tags + 1);
        name.tags().forEach((k, v) -> meterTags.add(Tag.of(k.replace('-', '.'), v)));
        meterTags.add(Tag.of("kafka.version", VERSION));
        Meter meter = meterName.endsWith("total") || meterName.endsWith("count")
                ? FunctionCounter.builder(meterName, metric, KafkaClientMeters::value).tags(meterTags)
                        .description(name.description()).register(registry)
                : Gauge.builder(meterName, metric, KafkaClientMeters::value).tags(meterTags)
                        .description(name.description()).register(registry);
        bound.put(name, new Bound(meterName, meter.getId(), metric));
        under.add(name);
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String meterName(MetricName name) {
        return ("kafka." + name.group() + "." + name.name()).replace("-metrics", "").replace('-', '.');
    }

    /** Number of meters bound now. */
    synchronized int size() {
        return bound.size();
    }

    @Override
    public synchronized void close() {
        bound.values().forEach(b -> registry.remove(b.id()));
        bound.clear();
        byMeter.clear();
        skipped.clear();
    }
}
