package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole pipeline in one process on its own embedded broker and registry: a register of four
 * municipalities (three with a loopback website, one without), two newsletter issues and a
 * learning-network session go in; the published topics are read back as VVSG would read them.
 * The tests run in order: later ones change the sites and the input topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UptakePipelineIT {
    private static final String MECHELEN = "12025";
    private static final String GENT = "44021";
    private static final String AARTSELAAR = "11001";
    private static final String BOOM = "11005";
    private static final String WATCHED = "https://www.seksueelgeweld.be/";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    // ten days before the scan: both sites that show the address count within 30 days of the call
    private static final LocalDate CALL_DATE = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    private static final LocalDate FEATURE_DATE = LocalDate.of(2022, 9, 7);
    private static final LocalDate SESSION_DATE = LocalDate.of(2021, 5, 7);

    private Path dir;
    private LoopbackSite mechelen;
    private LoopbackSite gent;
    private LoopbackSite aartselaar;
    private Application app;
    private TopicReader<MunicipalityUptake> uptake;
    private TopicReader<UptakeSummary> summaries;
    private TopicReader<CallUptake> calls;
    private String firstRound;

    @BeforeAll
    void startTheSitesAndTheApplication() throws IOException {
        dir = Files.createTempDirectory("uptake-pipeline-it-");
        mechelen = LoopbackSite.start("www.mechelen.test")
                .page("/", "Stad Mechelen", "<a href='/welzijn'>Welzijn</a> <a href='/campagne'>Campagne</a>")
                .page("/welzijn", "Welzijn", "<p>Slachtoffer van seksueel geweld? <a href='" + WATCHED + "'>Op seksueelgeweld.be</a> vind je hulp.</p>")
                .page("/campagne", "Campagne", "<p>Met de campagne ‘Nee is nee’ zeggen we neen tegen seksuele intimidatie.</p>");
        gent = LoopbackSite.start("www.gent.test")
                .page("/", "Stad Gent", "<p>Slachtoffer? Surf naar www.seksueelgeweld.be of bel 1712.</p>");
        aartselaar = LoopbackSite.start("www.aartselaar.test")
                .page("/", "Gemeente Aartselaar", "<p>Welkom op de website van de gemeente.</p>");

        Path register = Files.writeString(dir.resolve("gemeenten.csv"), String.join("\n",
                "nis_code,name,province,website",
                AARTSELAAR + ",Aartselaar,Antwerpen," + aartselaar.url(),
                BOOM + ",Boom,Antwerpen,",
                MECHELEN + ",Mechelen,Antwerpen," + mechelen.url(),
                GENT + ",Gent,Oost-Vlaanderen," + gent.url()) + "\n");
        Path newsletters = Files.createDirectories(dir.resolve("nieuwsbrieven"));
        Files.writeString(newsletters.resolve(CALL_DATE + "-nieuwsbrief.html"), issue(CALL_DATE,
                "<h2>Website seksueel geweld: www.seksueelgeweld.be</h2>"
                + "<p>Lokale besturen worden aangemoedigd om de website <a href='http://www.seksueelgeweld.be'>www.seksueelgeweld.be</a>"
                + " op hun lokale website te vermelden.</p>"));
        Files.writeString(newsletters.resolve(FEATURE_DATE + "-nieuwsbrief.html"), issue(FEATURE_DATE,
                "<h2>Goede praktijk: buurtwandelingen in Aartselaar</h2>"
                + "<p>De gemeente Aartselaar organiseert buurtwandelingen tegen straatintimidatie.</p>"));
        Path sessions = Files.writeString(dir.resolve("sessies.yml"), String.join("\n",
                "network: lerend netwerk centrumsteden",
                "sessions:",
                "  - date: " + SESSION_DATE,
                "    title: Grensoverschrijdend gedrag in de openbare ruimte",
                "    presenters: [Gent]",
                "    themes: [straatintimidatie]") + "\n");

        app = Application.start(TestSettings.embedded(dir.resolve("data"))
                .municipalities(register).newsletters(newsletters).sessions(sessions)
                .allowPrivateHosts().crawlDelay(Duration.ZERO).crawlTimeout(Duration.ofSeconds(5))
                .resolve(Map.of(mechelen.host(), "127.0.0.1", gent.host(), "127.0.0.1", aartselaar.host(), "127.0.0.1"))
                .build());
        String bootstrap = app.kafka().bootstrapServers();
        String registry = app.kafka().registryUrl();
        uptake = TopicReader.avro(bootstrap, registry, Topics.MUNICIPALITY_UPTAKE.topicName(), MunicipalityUptake.class);
        summaries = TopicReader.avro(bootstrap, registry, Topics.UPTAKE_SUMMARY.topicName(), UptakeSummary.class);
        calls = TopicReader.avro(bootstrap, registry, Topics.CALL_UPTAKE.topicName(), CallUptake.class);

        // the initial round is done when every municipality's record names its outcome
        await().atMost(PATIENCE).until(() -> {
            Map<String, MunicipalityUptake> latest = uptake.latest();
            return Stream.of(MECHELEN, GENT, AARTSELAAR).allMatch(nis -> scanStatus(latest.get(nis)).equals("COMPLETED"))
                    && scanStatus(latest.get(BOOM)).equals("FAILED");
        });
        firstRound = uptake.latest().get(MECHELEN).getLastScan().getScanId();
    }

    @AfterAll
    void stopEverything() throws IOException {
        for (AutoCloseable c : new AutoCloseable[] {uptake, summaries, calls, app, mechelen, gent, aartselaar}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the others still stop
                }
            }
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void everyMunicipalityIsPublishedWithExactlyTheSignalsItsSourcesShow() {
        Map<String, MunicipalityUptake> latest = awaitUptake(l -> presentKinds(l.get(GENT)).size() == 2
                && presentKinds(l.get(AARTSELAAR)).size() == 1);

        assertThat(latest.keySet()).containsExactlyInAnyOrder(MECHELEN, GENT, AARTSELAAR, BOOM);
        assertThat(presentKinds(latest.get(MECHELEN))).containsExactly("CAMPAIGN", "SITE_LINK");
        assertThat(presentKinds(latest.get(GENT))).containsExactly("LEARNING_NETWORK", "SITE_MENTION");
        assertThat(presentKinds(latest.get(AARTSELAAR))).containsExactly("NEWSLETTER_FEATURE");
        assertThat(presentKinds(latest.get(BOOM))).isEmpty();
    }

    @Test
    @Order(2)
    void everySignalCarriesItsEvidenceAndEveryScanItsOutcome() {
        Map<String, MunicipalityUptake> latest = uptake.latest();

        SignalState link = latest.get(MECHELEN).getSignals().get("SITE_LINK");
        assertThat(link.getEvidence()).extracting(Evidence::getUrl, Evidence::getSource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(mechelen.url("/welzijn"), "WEBSITE"));
        assertThat(link.getPeriods()).hasSize(1);
        assertThat(link.getPeriods().get(0).getUntil()).isNull();
        assertThat(latest.get(MECHELEN).getSignals().get("CAMPAIGN").getEvidence().get(0).getUrl()).isEqualTo(mechelen.url("/campagne"));
        assertThat(latest.get(MECHELEN).getLastScan().getPages()).isEqualTo(3);

        assertThat(latest.get(GENT).getSignals().get("SITE_MENTION").getEvidence().get(0).getSnippet()).contains("www.seksueelgeweld.be");
        assertThat(latest.get(GENT).getPresentedAt()).extracting(r -> r.getDate()).containsExactly(SESSION_DATE);
        assertThat(latest.get(GENT).getSignals().get("LEARNING_NETWORK").getFirstSeen())
                .isEqualTo(SESSION_DATE.atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(latest.get(AARTSELAAR).getFeaturedIn()).extracting(r -> r.getDate()).containsExactly(FEATURE_DATE);
        assertThat(latest.get(AARTSELAAR).getSignals().get("NEWSLETTER_FEATURE").getEvidence().get(0).getSource()).isEqualTo("NEWSLETTER");
        assertThat(latest.get(AARTSELAAR).getLastScan().getPages()).isEqualTo(1);

        assertThat(latest.get(BOOM).getLastScan().getStatus()).isEqualTo("FAILED");
        assertThat(latest.get(BOOM).getLastScan().getReason()).isEqualTo("NO_WEBSITE");
    }

    @Test
    @Order(3)
    void summaryCountsTheMunicipalitiesWithEachSignalInFlandersPerProvinceAndAmongCentreCities() {
        Map<String, String> expected = Map.of(
                "FLANDERS", "4 {CAMPAIGN=1, LEARNING_NETWORK=1, NEWSLETTER_FEATURE=1, NIGHTLIFE=0, SAFETY_PLAN=0, SITE_LINK=1, SITE_MENTION=1}",
                "PROVINCE:Antwerpen", "3 {CAMPAIGN=1, LEARNING_NETWORK=0, NEWSLETTER_FEATURE=1, NIGHTLIFE=0, SAFETY_PLAN=0, SITE_LINK=1, SITE_MENTION=0}",
                "PROVINCE:Oost-Vlaanderen", "1 {CAMPAIGN=0, LEARNING_NETWORK=1, NEWSLETTER_FEATURE=0, NIGHTLIFE=0, SAFETY_PLAN=0, SITE_LINK=0, SITE_MENTION=1}",
                "CENTRE_CITIES", "2 {CAMPAIGN=1, LEARNING_NETWORK=1, NEWSLETTER_FEATURE=0, NIGHTLIFE=0, SAFETY_PLAN=0, SITE_LINK=1, SITE_MENTION=1}");

        Map<String, String> actual = awaitMatching(summaries, expected, UptakePipelineIT::describe);

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @Order(4)
    void callUptakeCountsBothSitesThatShowTheAddressWithinThirtyDaysOfTheCall() {
        Map<String, CallUptake> latest = await().atMost(PATIENCE).until(calls::latest,
                // both sites are attributed one after the other: wait for two, then check where they fall
                l -> l.values().stream().anyMatch(c -> c.getBefore() + c.getWithin30Days() + c.getWithin90Days()
                        + c.getWithin365Days() + c.getLater() >= 2));

        assertThat(latest).hasSize(1);
        Map.Entry<String, CallUptake> call = latest.entrySet().iterator().next();
        assertThat(call.getKey()).startsWith(call.getValue().getIssueId() + "#");
        assertThat(call.getValue().getCallDate()).isEqualTo(CALL_DATE);
        assertThat(List.of(call.getValue().getBefore(), call.getValue().getWithin30Days(), call.getValue().getWithin90Days(),
                call.getValue().getWithin365Days(), call.getValue().getLater())).containsExactly(0, 2, 0, 0, 0);
    }

    @Test
    @Order(5)
    void aLinkRemovedFromTheSiteIsLostAtTheNextCompleteScanAndTheHistoryKeepsBothStates() {
        Instant withLink = Instant.now();
        mechelen.page("/welzijn", "Welzijn", "<p>Slachtoffer van seksueel geweld? Praat erover met iemand die je vertrouwt.</p>");

        String secondRound = app.scanScheduler().startRound();

        assertThat(secondRound).isNotEqualTo(firstRound);
        MunicipalityUptake after = await().atMost(PATIENCE).until(() -> uptake.latest().get(MECHELEN),
                r -> r.getLastScan().getScanId().equals(secondRound) && r.getLastScan().getStatus().equals("COMPLETED")
                        && !r.getSignals().get("SITE_LINK").getPresent());
        Instant lostAt = after.getSignals().get("SITE_LINK").getLostAt();
        assertThat(lostAt).isEqualTo(after.getLastScan().getCompletedAt());
        assertThat(after.getSignals().get("SITE_LINK").getPeriods()).extracting(Period::getUntil).containsExactly(lostAt);
        assertThat(after.getSignals().get("CAMPAIGN").getPresent()).isTrue();

        MunicipalityUptake before = app.stores().version(MECHELEN, withLink).orElseThrow();
        MunicipalityUptake since = app.stores().version(MECHELEN, lostAt).orElseThrow();
        assertThat(presentKinds(before)).containsExactly("CAMPAIGN", "SITE_LINK");
        assertThat(before.getLastScan().getScanId()).isEqualTo(firstRound);
        assertThat(presentKinds(since)).containsExactly("CAMPAIGN");
        assertThat(since.getSignals().get("SITE_LINK").getLostAt()).isEqualTo(lostAt);
        // a lost link still counts for the call: its first appearance decides
        assertThat(calls.latest().values()).extracting(CallUptake::getWithin30Days).containsExactly(2);
    }

    @Test
    @Order(6)
    void aPageThatIsNotAvroGoesToDeadLettersWithItsErrorAndTheNextPageIsStillProcessed() throws Exception {
        byte[] poison = "this is not avro".getBytes(StandardCharsets.UTF_8);
        String registry = app.kafka().registryUrl();
        TopicSerdes serdes = new TopicSerdes(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry));
        Instant now = Instant.now();
        WebsitePage good = WebsitePage.newBuilder().setScanId("handmatig").setNisCode(AARTSELAAR)
                .setUrl(aartselaar.url("/uitgaan")).setFinalUrl(aartselaar.url("/uitgaan")).setFetchedAt(now).setHttpStatus(200)
                .setTitle("Veilig uitgaan")
                .setMatches(List.of(new RuleMatch("NIGHTLIFE", "nightlife-training", "opleiding rond seksuele intimidatie in de cafés")))
                .build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            // the same key: one partition, the poison before the good page
            producer.send(new ProducerRecord<>(Topics.WEBSITE_PAGES.topicName(), AARTSELAAR, poison)).get();
            producer.send(new ProducerRecord<>(Topics.WEBSITE_PAGES.topicName(), AARTSELAAR,
                    serdes.value(Topics.WEBSITE_PAGES).serializer().serialize(Topics.WEBSITE_PAGES.topicName(), good))).get();
        }

        MunicipalityUptake aartselaarNow = await().atMost(PATIENCE).until(() -> uptake.latest().get(AARTSELAAR),
                r -> r.getSignals().get("NIGHTLIFE").getPresent());
        assertThat(aartselaarNow.getSignals().get("NIGHTLIFE").getEvidence().get(0).getUrl()).isEqualTo(aartselaar.url("/uitgaan"));

        try (TopicReader<?> deadLetters = TopicReader.raw(app.kafka().bootstrapServers(), Topics.DEAD_LETTERS.topicName())) {
            List<ConsumerRecord<String, byte[]>> letters = await().atMost(PATIENCE).until(deadLetters::records, l -> !l.isEmpty());
            assertThat(letters).hasSize(1);
            ConsumerRecord<String, byte[]> letter = letters.get(0);
            assertThat(letter.key()).isEqualTo(AARTSELAAR);
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.WEBSITE_PAGES.topicName());
            assertThat(header(letter, "__streams.errors.exception")).contains("SerializationException");
            assertThat(header(letter, "__streams.errors.message")).contains("not in the Confluent Avro wire format");
            assertThat(header(letter, "__streams.errors.offset")).isNotBlank();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String issue(LocalDate date, String items) {
        return "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Nieuwsbrief lokaal gelijkekansenbeleid</title>"
                + "<meta name='date' content='" + date + "'></head><body><article><h1>Nieuwsbrief lokaal gelijkekansenbeleid</h1>"
                + items + "</article></body></html>";
    }

    private Map<String, MunicipalityUptake> awaitUptake(java.util.function.Predicate<Map<String, MunicipalityUptake>> done) {
        return await().atMost(PATIENCE).until(uptake::latest, done);
    }

    /** The latest values of the expected keys, described, once they match (or as they stand after the wait). */
    private static <V extends org.apache.avro.specific.SpecificRecord> Map<String, String> awaitMatching(
            TopicReader<V> reader, Map<String, String> expected, java.util.function.Function<V, String> describe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, String> actual;
        do {
            Map<String, V> latest = reader.latest();
            actual = expected.keySet().stream().filter(latest::containsKey)
                    .collect(Collectors.toMap(k -> k, k -> describe.apply(latest.get(k))));
        } while (!actual.equals(expected) && System.nanoTime() < deadline);
        return actual;
    }

    private static String describe(UptakeSummary s) {
        return s.getMunicipalities() + " " + new java.util.TreeMap<>(s.getCounts());
    }

    private static Set<String> presentKinds(MunicipalityUptake record) {
        if (record == null) {
            return Set.of();
        }
        return record.getSignals().entrySet().stream().filter(e -> e.getValue().getPresent()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String scanStatus(MunicipalityUptake record) {
        return record == null || record.getLastScan() == null ? "" : record.getLastScan().getStatus();
    }
}
