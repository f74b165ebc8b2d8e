package be.lokaalsignaal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kafka's metrics (a real Kafka metrics registry) become meters as they appear and go. */
class KafkaClientMetersTest {
    private final Metrics kafka = new Metrics();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KafkaClientMeters meters = new KafkaClientMeters(kafka::metrics, registry, name -> !AppMetrics.leftOut(name));

    @AfterEach
    void close() {
        meters.close();
        kafka.close();
    }

    private MetricName add(String name, String group, Map<String, String> tags, double value) {
        MetricName metric = kafka.metricName(name, group, "", tags);
        kafka.addMetric(metric, (Gauge<Double>) (config, now) -> value);
        return metric;
    }

    @Test
    void a_metric_that_appears_becomes_a_meter_named_as_micrometer_names_it_and_goes_when_it_goes() {
        MetricName lag = add("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "c1"), 42);
        meters.refresh();

        Meter meter = registry.find("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", "c1").meter();
        assertThat(meter).isNotNull();
        assertThat(registry.get("kafka.consumer.fetch.manager.records.lag.max").gauge().value()).isEqualTo(42.0);

        kafka.removeMetric(lag);
        meters.refresh();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meter()).isNull();
    }

    @Test
    void metrics_left_out_of_the_scrape_are_never_registered() {
        add("process-rate", "stream-processor-node-metrics", Map.of("task-id", "0_1", "processor-node-id", "KSTREAM-SOURCE"), 1);
        add("hit-ratio-avg", "stream-record-cache-metrics", Map.of("task-id", "0_1"), 1);
        add("estimate-num-keys", "stream-state-metrics", Map.of("task-id", "0_1", "rocksdb-state-id", "s"), 7);
        add("bytes-read-rate", "stream-state-metrics", Map.of("task-id", "0_1", "rocksdb-state-id", "s"), 1);
        meters.refresh();

        assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                .containsExactly("kafka.stream.state.estimate.num.keys");
    }

    @Test
    void the_per_partition_variant_of_a_metric_replaces_the_client_level_one_under_the_same_name() {
        add("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "c1"), 9);
        meters.refresh();
        MetricName perPartition = add("records-lag-max", "consumer-fetch-manager-metrics",
                Map.of("client-id", "c1", "topic", "website-pages", "partition", "3"), 4);
        meters.refresh();

        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters()).singleElement()
                .satisfies(m -> assertThat(m.getId().getTag("partition")).isEqualTo("3"));

        kafka.removeMetric(perPartition);
        meters.refresh();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters()).singleElement()
                .satisfies(m -> assertThat(m.getId().getTag("partition")).isNull());
    }

    @Test
    void totals_are_counters_and_a_refresh_without_change_binds_nothing_new() {
        add("records-consumed-total", "consumer-fetch-manager-metrics", Map.of("client-id", "c1"), 100);
        add("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "c1"), 1);
        meters.refresh();
        int bound = meters.size();
        meters.refresh();

        assertThat(meters.size()).isEqualTo(bound).isEqualTo(2);
        assertThat(registry.get("kafka.consumer.fetch.manager.records.consumed.total").functionCounter().count()).isEqualTo(100.0);
    }
}
