package be.lokaalsignaal.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the system, declared once: name, partitions and retention.
 *
 * <p>Facts that are replaced by a newer version of themselves (register, issues, sessions, the
 * aggregated outputs) are compacted so that a new consumer reads the current state of each key.
 * Observations (pages, scans, signals) are kept by time: they are the history that the topology
 * can be replayed from, so their retention is long.
 */
public enum Topics {
    MUNICIPALITIES("municipalities", Cleanup.COMPACT),
    NEWSLETTER_ISSUES("newsletter-issues", Cleanup.COMPACT),
    LEARNING_NETWORK_SESSIONS("learning-network-sessions", Cleanup.COMPACT),
    SCAN_REQUESTS("scan-requests", Cleanup.DELETE_AFTER_30_DAYS),
    WEBSITE_PAGES("website-pages", Cleanup.KEEP),
    WEBSITE_SCANS("website-scans", Cleanup.KEEP),
    SIGNALS("signals", Cleanup.KEEP),
    MUNICIPALITY_UPTAKE("municipality-uptake", Cleanup.COMPACT),
    UPTAKE_SUMMARY("uptake-summary", Cleanup.COMPACT),
    CALL_UPTAKE("call-uptake", Cleanup.COMPACT),
    SOURCE_ERRORS("source-errors", Cleanup.DELETE_AFTER_30_DAYS),
    DEAD_LETTERS("dead-letters", Cleanup.DELETE_AFTER_30_DAYS);

    /** Partitions of every topic; more partitions allow more topology instances and crawler workers. */
    public static final int DEFAULT_PARTITIONS = 6;

    private final String topicName;
    private final Cleanup cleanup;

    Topics(String topicName, Cleanup cleanup) {
        this.topicName = topicName;
        this.cleanup = cleanup;
    }

    public String topicName() {
        return topicName;
    }

    /** Subject of the value schema under the topic-name strategy. */
    public String valueSubject() {
        return topicName + "-value";
    }

    public NewTopic newTopic(int partitions, short replicationFactor) {
        return new NewTopic(topicName, partitions, replicationFactor).configs(cleanup.configs);
    }

    public static List<NewTopic> all(int partitions, short replicationFactor) {
        return java.util.Arrays.stream(values()).map(t -> t.newTopic(partitions, replicationFactor)).toList();
    }

    private enum Cleanup {
        COMPACT(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        // the raw observations are the system of record: replaying them must stay possible
        KEEP(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
        DELETE_AFTER_30_DAYS(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000)));

        private final Map<String, String> configs;

        Cleanup(Map<String, String> configs) {
            this.configs = configs;
        }
    }
}
