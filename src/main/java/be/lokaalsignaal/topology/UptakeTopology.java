package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The uptake topology: from pages, scans, newsletter issues, sessions and the register to signals,
 * one record per municipality (latest and versioned), totals per scope and uptake after each call.
 * See docs/topology.md.
 */
public final class UptakeTopology {
    /** Per-municipality state under its own code: register data, sightings, pending scans, contributions. */
    public static final String OWN_STATE_STORE = "uptake-own-state";
    /** "nis\0scanId" to the tally of a pending scan: pages counted (a bitset of page numbers), latest fetch, kinds shown. */
    public static final String SCAN_TALLY_STORE = "uptake-scan-tallies";
    /** "nis\0scanId" to what the pages of a pending scan showed: first and last sighting and newest evidence per kind. */
    public static final String SCAN_SIGHTINGS_STORE = "uptake-scan-sightings";
    /** "nis\0scanId\0url digest" for every page without a page number of a pending scan, so that a re-delivered one counts once. */
    public static final String SCAN_PAGES_STORE = "uptake-scan-pages";
    /** Issue id to what the issue contributed, to turn an edited issue into exact differences. */
    public static final String ISSUE_INDEX_STORE = "newsletter-issue-index";
    /** Session id to what the session contributed. */
    public static final String SESSION_INDEX_STORE = "learning-network-session-index";
    /** "target|origin" to the own record of origin, for the union of merged municipalities. */
    public static final String PARTS_STORE = "uptake-parts";
    /** NIS code to the latest published record (key-value, cached). */
    public static final String LATEST_STORE = "uptake-latest";
    /** NIS code to every version of the published record, at its event time. */
    public static final String HISTORY_STORE = "uptake-history";
    /** Scope to totals. */
    public static final String SUMMARY_STORE = "uptake-summary-store";
    /** Single key {@code ALL} to the first appearance of a site link or mention per municipality. */
    public static final String CALL_INDEX_STORE = "call-index";
    /** NIS code to the call-index entry last passed on, so that the index changes only when an attribution can. */
    public static final String CALL_ENTRY_STORE = "call-index-entries";
    /** Call id to the call. */
    public static final String CALLS_STORE = "calls";
    /** Call id to its attribution. */
    public static final String CALL_UPTAKE_STORE = "call-uptake-store";
    /** NIS code to its reviews and the content hashes of its pages that showed a signal. */
    public static final String REVIEW_BOOK_STORE = "uptake-reviews";
    /** NIS code to its own record as the rules made it, before the reviews are applied. */
    public static final String REVIEWED_OWN_STORE = "uptake-reviewed-own";

    private UptakeTopology() {}

    /**
     * Tuning of the topology.
     *
     * @param historyRetention how far back the versioned store answers (at least ten years)
     * @param evidenceLimit evidence items kept per signal kind, newest first
     * @param pendingScanLimit scans per municipality kept while waiting for their pages or outcome
     */
    public record Options(Duration historyRetention, int evidenceLimit, int pendingScanLimit) {
        public Options {
            Objects.requireNonNull(historyRetention, "historyRetention");
            if (historyRetention.compareTo(Duration.ofDays(3653)) < 0) {
                throw new IllegalArgumentException("history retention must be at least ten years");
            }
            if (evidenceLimit < 1 || pendingScanLimit < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** 25 years of history (facts go back to 2017), 5 evidence items, 20 pending scans. */
        public static Options defaults() {
            return new Options(Duration.ofDays(25 * 366), 5, 20);
        }
    }

    public static Topology buildTopology(TopicSerdes serdes, Options options) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> key = serdes.key();
        TopicSerdes internal = internal(serdes);
        Serde<MunicipalityUptake> uptakeSerde = internal.of(MunicipalityUptake.class);

        KStream<String, Municipality> municipalities = builder.stream(Topics.MUNICIPALITIES.topicName(),
                Consumed.with(key, serdes.value(Topics.MUNICIPALITIES)).withName("municipalities-source"));
        KStream<String, WebsitePage> pages = builder.stream(Topics.WEBSITE_PAGES.topicName(),
                Consumed.with(key, serdes.value(Topics.WEBSITE_PAGES)).withName("website-pages-source"));
        KStream<String, WebsiteScan> scans = builder.stream(Topics.WEBSITE_SCANS.topicName(),
                Consumed.with(key, serdes.value(Topics.WEBSITE_SCANS)).withName("website-scans-source"));
        KStream<String, NewsletterIssue> issues = builder.stream(Topics.NEWSLETTER_ISSUES.topicName(),
                Consumed.with(key, serdes.value(Topics.NEWSLETTER_ISSUES)).withName("newsletter-issues-source"));
        KStream<String, LearningNetworkSession> sessions = builder.stream(Topics.LEARNING_NETWORK_SESSIONS.topicName(),
                Consumed.with(key, serdes.value(Topics.LEARNING_NETWORK_SESSIONS)).withName("learning-network-sessions-source"));

        // issues and sessions: differences against what each id contributed before
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ISSUE_INDEX_STORE), key,
                new JsonSerde<>(SourceDigest.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSION_INDEX_STORE), key,
                new JsonSerde<>(SourceDigest.class)).withCachingEnabled());
        KStream<String, Processors.Derived> fromIssues = issues.process(
                () -> new Processors.SourceIndexProcessor<NewsletterIssue>(ISSUE_INDEX_STORE, SourceDigest::of),
                Named.as("newsletter-issue-differences"), ISSUE_INDEX_STORE);
        KStream<String, Processors.Derived> fromSessions = sessions.process(
                () -> new Processors.SourceIndexProcessor<LearningNetworkSession>(SESSION_INDEX_STORE, SourceDigest::of),
                Named.as("learning-network-session-differences"), SESSION_INDEX_STORE);
        KStream<String, Processors.Derived> derived = fromIssues.merge(fromSessions, Named.as("source-differences"));

        // signals: an observation log, from pages and from changed features, presentations and calls
        KStream<String, Signal> pageSignals = pages.flatMapValues(UptakeTopology::signalsOf, Named.as("page-signals"));
        KStream<String, Signal> sourceSignals = derived.filter((k, d) -> d.signal != null, Named.as("source-signal-filter"))
                .mapValues(d -> d.signal, Named.as("source-signals"));
        pageSignals.merge(sourceSignals, Named.as("all-signals"))
                .to(Topics.SIGNALS.topicName(), Produced.with(key, serdes.value(Topics.SIGNALS)).withName("signals-sink"));

        // contributions move from the source id to the NIS code they concern
        KStream<String, OwnState.ContributionChange> contributions = derived
                .filter((k, d) -> d.change != null, Named.as("contribution-filter"))
                .mapValues(d -> d.change, Named.as("contributions"))
                .repartition(Repartitioned.<String, OwnState.ContributionChange>as("contributions-by-nis")
                        .withKeySerde(key).withValueSerde(new JsonSerde<>(OwnState.ContributionChange.class)));

        // own record per NIS: every input keyed by NIS meets in one processor (same partition count)
        // caches: fewer changelog writes per commit, and IQ on these stores stays clear of KAFKA-19629
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OWN_STATE_STORE), key,
                new JsonSerde<>(OwnState.class)).withCachingEnabled());
        // tallies and sightings of pending scans only (at most 20 per municipality): in memory, restored
        // from their changelog, which spares a RocksDB instance per task at start-up and every flush
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SCAN_TALLY_STORE), key,
                new ScanTally.Codec()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SCAN_SIGHTINGS_STORE), key,
                new JsonSerde<>(ScanSightings.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCAN_PAGES_STORE), key,
                Serdes.ByteArray()).withCachingEnabled());
        // pages merged last: the most frequent input passes one merge node on its way, not three
        KStream<String, Processors.OwnInput> ownInputs = municipalities
                .mapValues(Processors.OwnInput::of, Named.as("register-input"))
                .merge(scans.mapValues(Processors.OwnInput::of, Named.as("scan-input")), Named.as("merge-scans"))
                .merge(contributions.mapValues(Processors.OwnInput::of, Named.as("contribution-input")), Named.as("merge-contributions"))
                .merge(pages.mapValues(Processors.OwnInput::of, Named.as("page-input")), Named.as("merge-pages"));
        KStream<String, MunicipalityUptake> own = ownInputs.processValues(() -> new OwnUptakeProcessor(options),
                Named.as("own-uptake"), OWN_STATE_STORE, SCAN_TALLY_STORE, SCAN_SIGHTINGS_STORE, SCAN_PAGES_STORE);

        // mergers: each own record also goes to its successor, which publishes the union
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTS_STORE), key, uptakeSerde)
                .withCachingEnabled());
        KStream<String, MunicipalityUptake> reviewed = reviewed(builder, own, pages, serdes, internal, key);
        KStream<String, Published> published = reviewed
                .flatMap(Processors::targets, Named.as("to-successor"))
                .repartition(Repartitioned.<String, MunicipalityUptake>as("uptake-by-target").withKeySerde(key).withValueSerde(uptakeSerde))
                .processValues(() -> new Processors.UnionProcessor(options), Named.as("union-with-predecessors"), PARTS_STORE);
        KStream<String, MunicipalityUptake> records = published.mapValues(p -> p.record, Named.as("published-records"));

        KTable<String, MunicipalityUptake> latest = records.toTable(Named.as("uptake-latest-table"),
                Materialized.<String, MunicipalityUptake>as(Stores.persistentKeyValueStore(LATEST_STORE))
                        .withKeySerde(key).withValueSerde(uptakeSerde).withCachingEnabled());
        latest.toStream(Named.as("uptake-changes"))
                .to(Topics.MUNICIPALITY_UPTAKE.topicName(), Produced.with(key, serdes.value(Topics.MUNICIPALITY_UPTAKE))
                        .withName("municipality-uptake-sink"));

        builder.addStateStore(Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(HISTORY_STORE, options.historyRetention()), key, uptakeSerde));
        records.process(Processors.HistoryWriter::new, Named.as("uptake-history-writer"), HISTORY_STORE);

        summaries(latest, serdes, internal, key);
        calls(builder, derived, published, serdes, internal, key);
        return builder.build();
    }

    /**
     * The own records with the reviews applied: reviews move from their id to the NIS code they
     * concern and meet the own records and the pages that showed a signal (for their content hashes)
     * in one processor per NIS code.
     */
    private static KStream<String, MunicipalityUptake> reviewed(StreamsBuilder builder, KStream<String, MunicipalityUptake> own,
            KStream<String, WebsitePage> pages, TopicSerdes serdes, TopicSerdes internal, Serde<String> key) {
        KStream<String, Review> reviews = builder.stream(Topics.REVIEWS.topicName(),
                        Consumed.with(key, serdes.value(Topics.REVIEWS)).withName("reviews-source"))
                .filter((id, r) -> r != null && r.getNisCode() != null, Named.as("reviews-present"))
                .selectKey((id, r) -> r.getNisCode(), Named.as("review-by-nis"))
                .repartition(Repartitioned.<String, Review>as("reviews-by-nis").withKeySerde(key).withValueSerde(internal.of(Review.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVIEW_BOOK_STORE), key,
                new JsonSerde<>(ReviewBook.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVIEWED_OWN_STORE), key,
                internal.of(MunicipalityUptake.class)).withCachingEnabled());
        return own.mapValues(ReviewProcessor.In::own, Named.as("own-to-review"))
                .merge(pages.filter((nis, p) -> p != null && !p.getMatches().isEmpty(), Named.as("pages-with-matches"))
                        .mapValues(ReviewProcessor.In::page, Named.as("page-to-review")), Named.as("merge-review-pages"))
                .merge(reviews.mapValues(ReviewProcessor.In::review, Named.as("review-input")), Named.as("merge-reviews"))
                .processValues(ReviewProcessor::new, Named.as("apply-reviews"), REVIEW_BOOK_STORE, REVIEWED_OWN_STORE);
    }

    /**
     * Serdes for stores and repartition topics: their subjects ({@code <app>-<store>-changelog-value}
     * and so on) exist only for this application, so they are always registered on first use and
     * written with the record's own schema, whatever the settings for the public topics.
     */
    private static TopicSerdes internal(TopicSerdes serdes) {
        Map<String, Object> config = new java.util.HashMap<>(serdes.config());
        config.put(be.lokaalsignaal.serde.AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        config.put(be.lokaalsignaal.serde.AvroSerdeConfig.USE_LATEST_VERSION, false);
        return new TopicSerdes(config);
    }

    /** Totals per scope by subtract/add on the table of latest records: never a recount. */
    private static void summaries(KTable<String, MunicipalityUptake> latest, TopicSerdes serdes, TopicSerdes internal, Serde<String> key) {
        Serde<Tally> tallySerde = new JsonSerde<>(Tally.class);
        Serde<UptakeSummary> summarySerde = internal.of(UptakeSummary.class);
        KTable<String, UptakeSummary> flanders = total(latest.groupBy((nis, r) -> KeyValue.pair(UptakeViews.FLANDERS, Tally.of(r)),
                Grouped.with("summary-flanders", key, tallySerde)), "summary-flanders", summarySerde);
        KTable<String, UptakeSummary> provinces = total(latest.groupBy(
                (nis, r) -> KeyValue.pair(UptakeViews.PROVINCE_PREFIX + r.getProvince(), Tally.of(r)),
                Grouped.with("summary-provinces", key, tallySerde)), "summary-provinces", summarySerde);
        KTable<String, UptakeSummary> centreCities = total(latest
                .filter((nis, r) -> r.getCentreCity(), Named.as("centre-cities"))
                .groupBy((nis, r) -> KeyValue.pair(UptakeViews.CENTRE_CITIES, Tally.of(r)),
                        Grouped.with("summary-centre-cities", key, tallySerde)), "summary-centre-cities", summarySerde);
        KTable<String, UptakeSummary> all = flanders.toStream(Named.as("flanders-changes"))
                .merge(provinces.toStream(Named.as("province-changes")), Named.as("merge-province-totals"))
                .merge(centreCities.toStream(Named.as("centre-city-changes")), Named.as("merge-centre-city-totals"))
                .toTable(Named.as("summary-table"), Materialized.<String, UptakeSummary>as(Stores.persistentKeyValueStore(SUMMARY_STORE))
                        .withKeySerde(key).withValueSerde(summarySerde).withCachingEnabled());
        all.toStream(Named.as("summary-changes"))
                .to(Topics.UPTAKE_SUMMARY.topicName(), Produced.with(key, serdes.value(Topics.UPTAKE_SUMMARY)).withName("uptake-summary-sink"));
    }

    private static KTable<String, UptakeSummary> total(org.apache.kafka.streams.kstream.KGroupedTable<String, Tally> grouped,
            String name, Serde<UptakeSummary> summarySerde) {
        return grouped.aggregate(
                () -> UptakeViews.emptySummary(""),
                (scope, t, s) -> t.inForce ? UptakeViews.add(s, scope, t, +1)
                        : withScope(s, scope, t),
                (scope, t, s) -> t.inForce ? UptakeViews.add(s, scope, t, -1) : s,
                Named.as(name + "-aggregate"),
                Materialized.<String, UptakeSummary, KeyValueStore<Bytes, byte[]>>as(name + "-totals").withValueSerde(summarySerde));
    }

    /** A merged-away municipality counts for nothing, but still names the scope of a fresh total. */
    private static UptakeSummary withScope(UptakeSummary s, String scope, Tally t) {
        return UptakeSummary.newBuilder(s).setScope(scope).build();
    }

    /** Call attribution: calls (by call id) joined on a single-key index of first appearances. */
    private static void calls(StreamsBuilder builder, KStream<String, Processors.Derived> derived, KStream<String, Published> published,
            TopicSerdes serdes, TopicSerdes internal, Serde<String> key) {
        // one small entry per municipality with a first appearance: in memory, restored from its changelog
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CALL_ENTRY_STORE), key,
                new JsonSerde<>(CallIndex.Entry.class)).withCachingEnabled());
        KTable<String, CallIndex> index = published
                .processValues(CallIndex.Feed::new, Named.as("call-index-changes"), CALL_ENTRY_STORE)
                .groupBy((nis, e) -> CallIndex.KEY, Grouped.with("call-index", key, new JsonSerde<>(CallIndex.Entry.class)))
                .aggregate(CallIndex::new, (k, e, idx) -> idx.put(e), Named.as("call-index-aggregate"),
                        Materialized.<String, CallIndex>as(Stores.persistentKeyValueStore(CALL_INDEX_STORE))
                                .withKeySerde(key).withValueSerde(new JsonSerde<>(CallIndex.class)));
        KTable<String, SourceDigest.CallInfo> calls = derived
                .filter((k, d) -> d.isCall(), Named.as("call-filter"))
                .mapValues(d -> d.call, Named.as("calls"))
                .toTable(Named.as("calls-table"), Materialized.<String, SourceDigest.CallInfo>as(Stores.persistentKeyValueStore(CALLS_STORE))
                        .withKeySerde(key).withValueSerde(new JsonSerde<>(SourceDigest.CallInfo.class)));
        Serde<CallUptake> callUptakeSerde = internal.of(CallUptake.class);
        calls.leftJoin(index, call -> CallIndex.KEY, CallIndex::attribute, TableJoined.as("call-attribution"),
                        Materialized.<String, CallUptake>as(Stores.persistentKeyValueStore(CALL_UPTAKE_STORE))
                                .withKeySerde(key).withValueSerde(callUptakeSerde).withCachingEnabled())
                .toStream(Named.as("call-uptake-changes"))
                .to(Topics.CALL_UPTAKE.topicName(), Produced.with(key, serdes.value(Topics.CALL_UPTAKE)).withName("call-uptake-sink"));
    }

    private static List<Signal> signalsOf(WebsitePage page) {
        List<Signal> out = new ArrayList<>();
        for (RuleMatch m : page.getMatches()) {
            SignalKind kind;
            try {
                kind = SignalKind.parse(m.getKind());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (kind.fromWebsite()) {
                out.add(new Signal(page.getNisCode(), kind.name(), "WEBSITE", page.getFetchedAt(), page.getFinalUrl(),
                        SourceDigest.snippet(m.getSnippet()), page.getScanId(), page.getTitle()));
            }
        }
        return out;
    }

    /**
     * Configuration for a production run: exactly-once, record caches on (needed for interactive
     * queries on RocksDB stores in 4.3.1, KAFKA-19629), and records that cannot be read or
     * processed sent to the dead-letter topic with the error in their headers while processing
     * goes on (KIP-1034).
     */
    public static Properties streamsConfig(String appId, String bootstrap, Map<String, ?> serdeConfig, Path stateDir) {
        return streamsConfig(appId, bootstrap, serdeConfig, stateDir, (short) -1);
    }

    /** As {@link #streamsConfig(String, String, Map, Path)}, with the replication factor of internal topics (-1: broker default). */
    public static Properties streamsConfig(String appId, String bootstrap, Map<String, ?> serdeConfig, Path stateDir,
            short replicationFactor) {
        Properties p = new Properties();
        p.putAll(serdeConfig);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // one second: fresh enough for dashboards, few enough transactions for a small broker
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        // no waiting for data on every co-partitioned input: the own state gives the same result in
        // any order of pages, scans, register records and contributions (docs/topology.md), and
        // with idling enabled 4.3.1 checks every empty input before each record
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // a bad record goes to the dead letters; one that met an unavailable registry waits for it (TransientFaults)
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, TransientFaults.Deserialization.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, TransientFaults.Processing.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, TransientFaults.Production.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // the partition assignor rebuilds a StreamsConfig from the main consumer's configs alone and warns that
        // the setting above is off unless they carry it too (4.3.1 logs that warning even in its quiet config)
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        // internal topics and stores keep their names when the topology changes
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.topicName());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return p;
    }
}
