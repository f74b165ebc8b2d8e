package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.serde.InMemorySchemaRegistry;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/** The topology in a TopologyTestDriver with the production configuration and an in-memory registry. */
final class UptakeFixture implements AutoCloseable {
    static {
        // no logback-test.xml in this module: keep the build output readable
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    final String scope = "topology-" + UUID.randomUUID();
    final TopicSerdes serdes = new TopicSerdes(Map.of("schema.registry.url", "mock://" + scope));
    final Path stateDir;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Municipality> municipalities;
    final TestInputTopic<String, WebsitePage> pages;
    final TestInputTopic<String, WebsiteScan> scans;
    final TestInputTopic<String, NewsletterIssue> issues;
    final TestInputTopic<String, LearningNetworkSession> sessions;
    final TestOutputTopic<String, MunicipalityUptake> uptake;
    final TestOutputTopic<String, UptakeSummary> summary;
    final TestOutputTopic<String, CallUptake> calls;
    final TestOutputTopic<String, Signal> signals;
    /** Whether {@link #page} numbers pages as the crawler does; without, pages are known by their URL (WARC files, older crawlers). */
    private final boolean numberPages;
    /** Per scan, URL to the number it was given: 1, 2, ... in the order URLs first arrive; a re-delivered URL keeps its number. */
    private final Map<String, Map<String, Integer>> pageNumbers = new HashMap<>();

    UptakeFixture() {
        this(Map.of());
    }

    /** With settings that replace those of {@link UptakeTopology#streamsConfig}. */
    UptakeFixture(Map<String, ?> overrides) {
        this(overrides, true);
    }

    /** Pages without a page number, as a WARC file or a crawler from before page numbers publishes them. */
    static UptakeFixture withoutPageNumbers() {
        return new UptakeFixture(Map.of(), false);
    }

    private UptakeFixture(Map<String, ?> overrides, boolean numberPages) {
        this.numberPages = numberPages;
        try {
            stateDir = Files.createTempDirectory("uptake-topology");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = UptakeTopology.streamsConfig("uptake-test", "dummy:9092", serdes.config(), stateDir);
        props.putAll(overrides);
        driver = new TopologyTestDriver(UptakeTopology.buildTopology(serdes, UptakeTopology.Options.defaults()), props,
                Instant.parse("2026-01-01T00:00:00Z"));
        StringSerializer ks = new StringSerializer();
        StringDeserializer kd = new StringDeserializer();
        municipalities = driver.createInputTopic(Topics.MUNICIPALITIES.topicName(), ks, serdes.value(Topics.MUNICIPALITIES).serializer());
        pages = driver.createInputTopic(Topics.WEBSITE_PAGES.topicName(), ks, serdes.value(Topics.WEBSITE_PAGES).serializer());
        scans = driver.createInputTopic(Topics.WEBSITE_SCANS.topicName(), ks, serdes.value(Topics.WEBSITE_SCANS).serializer());
        issues = driver.createInputTopic(Topics.NEWSLETTER_ISSUES.topicName(), ks, serdes.value(Topics.NEWSLETTER_ISSUES).serializer());
        sessions = driver.createInputTopic(Topics.LEARNING_NETWORK_SESSIONS.topicName(), ks,
                serdes.value(Topics.LEARNING_NETWORK_SESSIONS).serializer());
        uptake = driver.createOutputTopic(Topics.MUNICIPALITY_UPTAKE.topicName(), kd, serdes.value(Topics.MUNICIPALITY_UPTAKE).deserializer());
        summary = driver.createOutputTopic(Topics.UPTAKE_SUMMARY.topicName(), kd, serdes.value(Topics.UPTAKE_SUMMARY).deserializer());
        calls = driver.createOutputTopic(Topics.CALL_UPTAKE.topicName(), kd, serdes.value(Topics.CALL_UPTAKE).deserializer());
        signals = driver.createOutputTopic(Topics.SIGNALS.topicName(), kd, serdes.value(Topics.SIGNALS).deserializer());
    }

    void register(String... nisCodes) {
        Map<String, Municipality> all = TestRegister.all();
        for (String nis : nisCodes) {
            municipalities.pipeInput(nis, all.get(nis), Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    void registerAll() {
        TestRegister.all().forEach((nis, m) -> municipalities.pipeInput(nis, m, Instant.parse("2026-01-01T00:00:00Z")));
    }

    void scan(String nis, String scanId, String status, Instant startedAt, Instant completedAt, int pages) {
        WebsiteScan s = WebsiteScan.newBuilder().setScanId(scanId).setNisCode(nis).setStatus(status)
                .setReason("FAILED".equals(status) ? "UNREACHABLE" : null).setStartedAt(startedAt)
                .setCompletedAt(completedAt).setPagesFetched(pages).build();
        scans.pipeInput(nis, s, completedAt != null ? completedAt : startedAt);
    }

    void started(String nis, String scanId, Instant at) {
        scan(nis, scanId, "STARTED", at, null, 0);
    }

    void completed(String nis, String scanId, Instant startedAt, Instant completedAt, int pages) {
        scan(nis, scanId, "COMPLETED", startedAt, completedAt, pages);
    }

    void failed(String nis, String scanId, Instant startedAt, Instant at) {
        scan(nis, scanId, "FAILED", startedAt, at, 0);
    }

    /** A page; {@code kinds} are the signal kinds it matched. Numbered as the crawler numbers them, unless the fixture does not number pages. */
    void page(String nis, String scanId, String url, Instant fetchedAt, String... kinds) {
        Integer number = null;
        if (numberPages) {
            Map<String, Integer> numbers = pageNumbers.computeIfAbsent(scanId, id -> new HashMap<>());
            number = numbers.computeIfAbsent(url, u -> numbers.size() + 1);
        }
        page(nis, scanId, number, url, fetchedAt, kinds);
    }

    /** A page with the given page number (null: none). */
    void page(String nis, String scanId, Integer number, String url, Instant fetchedAt, String... kinds) {
        List<RuleMatch> matches = new ArrayList<>();
        for (String kind : kinds) {
            matches.add(new RuleMatch(kind, kind.toLowerCase() + "-rule", "snippet " + kind + " on " + url));
        }
        WebsitePage p = WebsitePage.newBuilder().setScanId(scanId).setNisCode(nis).setUrl(url).setFinalUrl(url)
                .setFetchedAt(fetchedAt).setHttpStatus(200).setContentHash(Integer.toHexString(url.hashCode()))
                .setMatches(matches).setPageNumber(number).build();
        pages.pipeInput(nis, p, fetchedAt);
    }

    /** One complete scan of {@code pageCount} pages, the first of which shows {@code kinds}. */
    void fullScan(String nis, String scanId, Instant start, int pageCount, String... kinds) {
        started(nis, scanId, start);
        for (int i = 0; i < pageCount; i++) {
            page(nis, scanId, "https://example.be/" + nis + "/" + scanId + "/" + i, start.plusSeconds(60L * (i + 1)), i == 0 ? kinds : new String[0]);
        }
        completed(nis, scanId, start, start.plusSeconds(3600), pageCount);
    }

    static FeaturedMunicipality featured(String nis, String name) {
        return new FeaturedMunicipality(nis, name, name + " shows its practice");
    }

    static NewsletterItem item(String heading, boolean call, FeaturedMunicipality... featured) {
        return NewsletterItem.newBuilder().setHeading(heading).setText(heading + " text")
                .setLinks(List.of("https://www.seksueelgeweld.be/")).setCall(call)
                .setCallSnippet(call ? "vermeld www.seksueelgeweld.be op uw website" : null)
                .setFeatured(Arrays.asList(featured)).build();
    }

    static NewsletterIssue issue(String id, LocalDate date, NewsletterItem... items) {
        return NewsletterIssue.newBuilder().setIssueId(id).setDate(date).setTitle("Nieuwsbrief " + date)
                .setSource("bundled").setContentHash(Integer.toHexString(Arrays.hashCode(items)))
                .setItems(Arrays.asList(items)).build();
    }

    void publish(NewsletterIssue issue) {
        issues.pipeInput(issue.getIssueId(), issue, UptakeMath.startOf(issue.getDate()));
    }

    void publish(LearningNetworkSession session) {
        sessions.pipeInput(session.getSessionId(), session, UptakeMath.startOf(session.getDate()));
    }

    KeyValueStore<String, MunicipalityUptake> latestStore() {
        return driver.getKeyValueStore(UptakeTopology.LATEST_STORE);
    }

    MunicipalityUptake latest(String nis) {
        return latestStore().get(nis);
    }

    VersionedKeyValueStore<String, MunicipalityUptake> history() {
        return driver.getVersionedKeyValueStore(UptakeTopology.HISTORY_STORE);
    }

    /** The latest value per key of the municipality-uptake topic (as a compacted topic would keep it). */
    Map<String, MunicipalityUptake> uptakeTopic() {
        return uptake.readKeyValuesToMap();
    }

    /** Periods as "from..until" text: generated records with logical types cannot be compared with equals. */
    static List<String> periods(be.lokaalsignaal.avro.SignalState s) {
        return s.getPeriods().stream().map(p -> p.getFrom() + ".." + (p.getUntil() == null ? "" : p.getUntil())).toList();
    }

    static String span(Instant from, Instant until) {
        return from + ".." + (until == null ? "" : until);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            InMemorySchemaRegistry.dropScope(scope);
            try {
                org.apache.kafka.common.utils.Utils.delete(stateDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
