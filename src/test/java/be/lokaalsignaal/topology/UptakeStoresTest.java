package be.lokaalsignaal.topology;

import be.lokaalsignaal.topics.TopicSerdes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.serde.InMemorySchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UptakeStoresTest {
    static {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private static final String SCOPE = "uptake-stores-test";
    private KafkaStreams streams;
    private UptakeStores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
        if (streams != null) {
            streams.close(Duration.ZERO);
        }
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void aQueryOnStoresThatNeverBecomeAvailableEndsWithATimeoutInsteadOfWaitingForever() throws Exception {
        TopicSerdes serdes = new TopicSerdes(Map.of("schema.registry.url", "mock://" + SCOPE));
        Path stateDir = Files.createTempDirectory("uptake-stores");
        // never started: its stores never become queryable
        streams = new KafkaStreams(UptakeTopology.buildTopology(serdes, UptakeTopology.Options.defaults()),
                UptakeTopology.streamsConfig("uptake-stores-test", "localhost:1", serdes.config(), stateDir));
        stores = new UptakeStores(streams, Duration.ofMillis(300));

        assertThatThrownBy(() -> stores.latest("44021")).isInstanceOf(UptakeStores.QueryTimeoutException.class);
        assertThatThrownBy(() -> stores.summaries()).isInstanceOf(UptakeStores.QueryTimeoutException.class);
        assertThatThrownBy(() -> stores.version("44021", Instant.parse("2022-12-31T23:59:59Z"))).isInstanceOf(RuntimeException.class);
    }
}
