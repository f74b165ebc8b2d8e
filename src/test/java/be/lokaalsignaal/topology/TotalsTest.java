package be.lokaalsignaal.topology;

import static be.lokaalsignaal.topology.UptakeFixture.featured;
import static be.lokaalsignaal.topology.UptakeFixture.issue;
import static be.lokaalsignaal.topology.UptakeFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.UptakeSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TotalsTest {
    /** Centre cities, merged-away and merged municipalities, and ordinary ones in three provinces. */
    private static final List<String> NIS = List.of("11002", "11007", "12025", "44021", "71022", "73040", "71072",
            "11001", "11004", "44012", "44048", "44086", "23023", "23106", "73006");
    private static final String[] KINDS = {"SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE"};

    private final UptakeFixture f = new UptakeFixture();
    private final Map<String, UptakeSummary> summaryTopic = new HashMap<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void totalsStayEqualToTheSumOfTheMunicipalityRecordsAfterEveryUpdate() {
        Random random = new Random(20211023L);
        for (String nis : NIS) {
            f.register(nis);
            assertTotalsMatchRecords();
        }
        Instant time = Instant.parse("2020-11-01T08:00:00Z");
        int scanNo = 0;
        for (int step = 0; step < 120; step++) {
            time = time.plusSeconds(86_400L * (1 + random.nextInt(20)));
            String nis = NIS.get(random.nextInt(NIS.size()));
            int action = random.nextInt(10);
            String scanId = "scan-" + (scanNo++);
            if (action < 5) {
                // a complete scan showing a random set of kinds
                List<String> kinds = new ArrayList<>();
                for (String k : KINDS) {
                    if (random.nextInt(3) == 0) {
                        kinds.add(k);
                    }
                }
                f.fullScan(nis, scanId, time, 1 + random.nextInt(3), kinds.toArray(String[]::new));
            } else if (action == 5) {
                f.started(nis, scanId, time);
                f.page(nis, scanId, "https://x.be/" + scanId, time.plusSeconds(30), KINDS[random.nextInt(KINDS.length)]);
                f.failed(nis, scanId, time, time.plusSeconds(60));
            } else if (action == 6) {
                // a partial scan: COMPLETED announces more pages than ever arrive
                f.started(nis, scanId, time);
                f.completed(nis, scanId, time, time.plusSeconds(600), 3);
            } else if (action <= 8) {
                // an issue (possibly an edit of an earlier one) featuring a random set
                String id = "issue-" + random.nextInt(4);
                List<FeaturedMunicipality> featured = new ArrayList<>();
                for (String n : NIS) {
                    if (random.nextInt(5) == 0) {
                        featured.add(featured(n, n));
                    }
                }
                f.publish(issue(id, LocalDate.ofInstant(time, UptakeMath.ZONE),
                        item("good practice", random.nextBoolean(), featured.toArray(FeaturedMunicipality[]::new))));
            } else {
                String id = "session-" + random.nextInt(3);
                f.publish(LearningNetworkSession.newBuilder().setSessionId(id).setDate(LocalDate.ofInstant(time, UptakeMath.ZONE))
                        .setTitle(id).setPresenters(List.of(nis, NIS.get(random.nextInt(NIS.size())))).build());
            }
            assertTotalsMatchRecords();
        }
        // the sequence must have exercised presence in every scope, or the check proves little
        assertThat(summaryTopic.get(UptakeViews.FLANDERS).getCounts().values()).anyMatch(n -> n > 0);
        // 15 codes, of which 7 were merged away at the end of 2024
        UptakeSummary flanders = summaryTopic.get(UptakeViews.FLANDERS);
        assertThat(flanders.getMunicipalities()).isEqualTo(8);
        assertThat(flanders.getScanned() + flanders.getNotScanned()).isEqualTo(8);
        assertThat(flanders.getNotScannedByOutcome().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(flanders.getNotScanned());
    }

    @Test
    void websiteSignalsCountOnlyForScannedMunicipalitiesAndTheOthersAreCountedAsNotScannedByOutcome() {
        f.register("12025", "44021", "11001", "11004");
        Instant jan = Instant.parse("2026-01-05T08:00:00Z");
        // Mechelen: complete scan with a link; Gent: a link on a page of a scan that then fails;
        // Aartselaar: unreachable; Boechout: never scanned
        f.fullScan("12025", "s1", jan, 2, "SITE_LINK");
        f.started("44021", "s1", jan);
        f.page("44021", "s1", "https://stad.gent/a", jan.plusSeconds(30), "SITE_LINK");
        f.failed("44021", "s1", jan, jan.plusSeconds(60));
        f.failed("11001", "s1", jan, jan.plusSeconds(5));
        UptakeSummary flanders = f.summary.readKeyValuesToMap().get(UptakeViews.FLANDERS);

        assertThat(f.latest("44021").getSignals().get("SITE_LINK").getPresent()).isTrue();
        assertThat(flanders.getMunicipalities()).isEqualTo(4);
        assertThat(flanders.getScanned()).isEqualTo(1);
        assertThat(flanders.getNotScanned()).isEqualTo(3);
        assertThat(flanders.getCounts().get("SITE_LINK")).isEqualTo(1);
        assertThat(flanders.getNotScannedByOutcome()).containsExactlyInAnyOrderEntriesOf(
                Map.of("UNREACHABLE", 2, "NOT_SCANNED_YET", 1));

        // a later failure of Mechelen keeps it scanned with its link counted
        f.failed("12025", "s2", jan.plusSeconds(86400 * 7), jan.plusSeconds(86400 * 7 + 5));
        flanders = f.summary.readKeyValuesToMap().get(UptakeViews.FLANDERS);
        assertThat(flanders.getScanned()).isEqualTo(1);
        assertThat(flanders.getCounts().get("SITE_LINK")).isEqualTo(1);
        assertThat(UptakeViews.scanOutcome(f.latest("12025"))).isEqualTo("UNREACHABLE");
    }

    private void assertTotalsMatchRecords() {
        summaryTopic.putAll(f.summary.readKeyValuesToMap());
        List<MunicipalityUptake> inForce = new ArrayList<>();
        try (var it = f.latestStore().all()) {
            it.forEachRemaining(kv -> {
                if (UptakeViews.inForceNow(kv.value)) {
                    inForce.add(kv.value);
                }
            });
        }
        assertThat(comparable(summaryTopic)).isEqualTo(comparable(UptakeViews.summarize(inForce)));
        Map<String, UptakeSummary> stored = new HashMap<>();
        try (var it = f.driver.<String, UptakeSummary>getKeyValueStore(UptakeTopology.SUMMARY_STORE).all()) {
            it.forEachRemaining(kv -> stored.put(kv.key, kv.value));
        }
        assertThat(comparable(stored)).isEqualTo(comparable(summaryTopic));
    }

    /** Scope to "municipalities counts", leaving out scopes with nothing in force. */
    private static Map<String, String> comparable(Map<String, UptakeSummary> summaries) {
        Map<String, String> out = new TreeMap<>();
        summaries.forEach((scope, s) -> {
            if (s.getMunicipalities() != 0 || s.getCounts().values().stream().anyMatch(n -> n != 0)) {
                out.put(scope, s.getMunicipalities() + " " + new TreeMap<>(s.getCounts()) + " scanned " + s.getScanned()
                        + " not scanned " + s.getNotScanned() + " " + new TreeMap<>(s.getNotScannedByOutcome()));
            }
        });
        return out;
    }
}
