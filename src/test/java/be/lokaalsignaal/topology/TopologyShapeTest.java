package be.lokaalsignaal.topology;

import be.lokaalsignaal.topics.TopicSerdes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyShapeTest {
    static {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    @Test
    void everyProcessorStoreAndInternalTopicHasAnExplicitNameSoThatUpgradesKeepTheirState() {
        String description = UptakeTopology.buildTopology(new TopicSerdes(Map.of("schema.registry.url", "mock://shape")),
                UptakeTopology.Options.defaults()).describe().toString();

        assertThat(description).doesNotContainPattern("(KSTREAM|KTABLE)-[A-Z]+-\\d+");
        assertThat(description).contains(UptakeTopology.OWN_STATE_STORE, UptakeTopology.SCAN_TALLY_STORE,
                UptakeTopology.SCAN_SIGHTINGS_STORE, UptakeTopology.SCAN_PAGES_STORE, UptakeTopology.CALL_ENTRY_STORE,
                UptakeTopology.ISSUE_INDEX_STORE,
                UptakeTopology.SESSION_INDEX_STORE, UptakeTopology.PARTS_STORE, UptakeTopology.LATEST_STORE,
                UptakeTopology.HISTORY_STORE, UptakeTopology.SUMMARY_STORE, UptakeTopology.CALL_INDEX_STORE,
                UptakeTopology.CALLS_STORE, UptakeTopology.CALL_UPTAKE_STORE);
        assertThat(description).contains("contributions-by-nis-repartition", "uptake-by-target-repartition");
    }
}
