package be.lokaalsignaal.topics;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.avro.SourceError;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the system, declared once: name, value type and retention. Keys are plain strings
 * (NIS codes, issue or session ids, scope ids).
 *
 * <p>Facts that are replaced by a newer version of themselves (register, issues, sessions, the
 * aggregated outputs) are compacted so that a new consumer reads the current state of each key.
 * Observations (pages, scans, signals) are kept without time limit: they are the history the
 * topology can be replayed from.
 */
public final class Topics {
    public static final Topic<Municipality> MUNICIPALITIES = new Topic<>("municipalities", Municipality.class, Cleanup.COMPACT);
    public static final Topic<NewsletterIssue> NEWSLETTER_ISSUES = new Topic<>("newsletter-issues", NewsletterIssue.class, Cleanup.COMPACT);
    public static final Topic<LearningNetworkSession> LEARNING_NETWORK_SESSIONS = new Topic<>("learning-network-sessions", LearningNetworkSession.class, Cleanup.COMPACT);
    public static final Topic<ScanRequest> SCAN_REQUESTS = new Topic<>("scan-requests", ScanRequest.class, Cleanup.DELETE_AFTER_30_DAYS);
    public static final Topic<WebsitePage> WEBSITE_PAGES = new Topic<>("website-pages", WebsitePage.class, Cleanup.KEEP);
    public static final Topic<WebsiteScan> WEBSITE_SCANS = new Topic<>("website-scans", WebsiteScan.class, Cleanup.KEEP);
    public static final Topic<Signal> SIGNALS = new Topic<>("signals", Signal.class, Cleanup.KEEP);
    public static final Topic<MunicipalityUptake> MUNICIPALITY_UPTAKE = new Topic<>("municipality-uptake", MunicipalityUptake.class, Cleanup.COMPACT);
    public static final Topic<UptakeSummary> UPTAKE_SUMMARY = new Topic<>("uptake-summary", UptakeSummary.class, Cleanup.COMPACT);
    public static final Topic<CallUptake> CALL_UPTAKE = new Topic<>("call-uptake", CallUptake.class, Cleanup.COMPACT);
    /**
     * Reviewers' verdicts on signals, one key per review: a withdrawal replaces the review with a copy
     * that says who withdrew it, so compaction keeps every review with its whole story.
     */
    public static final Topic<Review> REVIEWS = new Topic<>("reviews", Review.class, Cleanup.COMPACT);
    public static final Topic<SourceError> SOURCE_ERRORS = new Topic<>("source-errors", SourceError.class, Cleanup.DELETE_AFTER_30_DAYS);
    /** Records the topology could not read or process, unchanged, with the error in their headers. */
    public static final Topic<SpecificRecord> DEAD_LETTERS = new Topic<>("dead-letters", null, Cleanup.DELETE_AFTER_30_DAYS);

    public static final List<Topic<?>> ALL = List.of(MUNICIPALITIES, NEWSLETTER_ISSUES, LEARNING_NETWORK_SESSIONS, SCAN_REQUESTS,
            WEBSITE_PAGES, WEBSITE_SCANS, SIGNALS, MUNICIPALITY_UPTAKE, UPTAKE_SUMMARY, CALL_UPTAKE, REVIEWS, SOURCE_ERRORS, DEAD_LETTERS);

    /** Partitions of every topic; more partitions allow more topology instances and crawler workers. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {}

    public static List<NewTopic> all(int partitions, short replicationFactor) {
        return ALL.stream().map(t -> t.newTopic(partitions, replicationFactor)).toList();
    }

    /** A topic with its value type; keys are strings. */
    public static final class Topic<V> {
        private final String name;
        private final Class<V> valueType;
        private final Cleanup cleanup;

        private Topic(String name, Class<V> valueType, Cleanup cleanup) {
            this.name = name;
            this.valueType = valueType;
            this.cleanup = cleanup;
        }

        public String topicName() {
            return name;
        }

        /** Generated Avro class of the values; null for the dead-letter topic, which keeps raw bytes. */
        public Class<V> valueType() {
            return valueType;
        }

        /** Subject of the value schema under the topic-name strategy. */
        public String valueSubject() {
            return name + "-value";
        }

        public NewTopic newTopic(int partitions, short replicationFactor) {
            return new NewTopic(name, partitions, replicationFactor).configs(cleanup.configs);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private enum Cleanup {
        COMPACT(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        KEEP(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
        DELETE_AFTER_30_DAYS(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000)));

        private final Map<String, String> configs;

        Cleanup(Map<String, String> configs) {
            this.configs = configs;
        }
    }
}
