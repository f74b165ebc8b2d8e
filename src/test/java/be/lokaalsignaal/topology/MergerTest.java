package be.lokaalsignaal.topology;

import static be.lokaalsignaal.topology.UptakeFixture.featured;
import static be.lokaalsignaal.topology.UptakeFixture.issue;
import static be.lokaalsignaal.topology.UptakeFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MergerTest {
    private static final String OLD_HASSELT = "71022";
    private static final String KORTESSEM = "73040";
    private static final String NEW_HASSELT = "71072";
    private static final String ANTWERPEN = "11002";
    private static final String BORSBEEK = "11007";
    private static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);
    private static final LocalDate MID_2025 = LocalDate.of(2025, 6, 30);

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static boolean present(MunicipalityUptake r, String kind) {
        return r.getSignals().get(kind).getPresent();
    }

    private Map<String, MunicipalityUptake> view(LocalDate date) {
        return allLatest().values().stream().filter(r -> UptakeViews.inForce(r, date)).map(r -> UptakeViews.asOf(r, date))
                .collect(Collectors.toMap(MunicipalityUptake::getNisCode, Function.identity()));
    }

    private Map<String, MunicipalityUptake> allLatest() {
        Map<String, MunicipalityUptake> all = new java.util.TreeMap<>();
        try (var it = f.latestStore().all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value));
        }
        return all;
    }

    @Test
    void anAbsorbedMunicipalityCountsForItsNewCodeFrom2025AndKeepsItsOwnRecordForTheYearsBefore() {
        f.registerAll();
        f.fullScan(OLD_HASSELT, "2021-r1", Instant.parse("2021-06-01T08:00:00Z"), 2, "SITE_LINK");
        f.fullScan(KORTESSEM, "2023-r1", Instant.parse("2023-06-01T08:00:00Z"), 1, "NIGHTLIFE");

        Map<String, MunicipalityUptake> in2022 = view(END_2022);
        assertThat(in2022).hasSize(300).containsKeys(OLD_HASSELT, KORTESSEM).doesNotContainKey(NEW_HASSELT);
        assertThat(present(in2022.get(OLD_HASSELT), "SITE_LINK")).isTrue();
        assertThat(present(in2022.get(KORTESSEM), "NIGHTLIFE")).isFalse();

        Map<String, MunicipalityUptake> in2025 = view(MID_2025);
        assertThat(in2025).hasSize(285).containsKey(NEW_HASSELT).doesNotContainKeys(OLD_HASSELT, KORTESSEM);
        MunicipalityUptake hasselt = in2025.get(NEW_HASSELT);
        assertThat(present(hasselt, "SITE_LINK")).isTrue();
        assertThat(present(hasselt, "NIGHTLIFE")).isTrue();
        // a new code carries its predecessors' history: since when Hasselt links
        assertThat(hasselt.getSignals().get("SITE_LINK").getFirstSeen()).isEqualTo(Instant.parse("2021-06-01T08:01:00Z"));
        assertThat(hasselt.getSignals().get("SITE_LINK").getEvidence()).isNotEmpty();

        // the absorbed municipality keeps its own record, closed at the end of 2024
        MunicipalityUptake oldHasselt = f.latest(OLD_HASSELT);
        assertThat(oldHasselt.getValidUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(oldHasselt.getSuccessor()).isEqualTo(NEW_HASSELT);
        assertThat(present(oldHasselt, "NIGHTLIFE")).isFalse();

        // totals: the topic counts the 285 in force today, the views the 300 of 2022
        assertThat(f.summary.readKeyValuesToMap().get(UptakeViews.FLANDERS).getMunicipalities()).isEqualTo(285);
        assertThat(UptakeViews.summarize(in2022.values()).get(UptakeViews.FLANDERS).getMunicipalities()).isEqualTo(300);
        assertThat(UptakeViews.summarize(in2022.values()).get(UptakeViews.FLANDERS).getCounts().get("NIGHTLIFE")).isZero();
        assertThat(UptakeViews.summarize(in2025.values()).get(UptakeViews.FLANDERS).getCounts().get("NIGHTLIFE")).isEqualTo(1);
    }

    @Test
    void aMunicipalityThatKeepsItsCodeTakesWhatItAbsorbedOnlyFromTheMergerDate() {
        f.register(ANTWERPEN, BORSBEEK);
        f.fullScan(BORSBEEK, "2021-r1", Instant.parse("2021-06-01T08:00:00Z"), 1, "SITE_MENTION");
        f.publish(issue("2021-09-01-nieuwsbrief", LocalDate.of(2021, 9, 1), item("Borsbeek", false, featured(BORSBEEK, "Borsbeek"))));

        MunicipalityUptake antwerpen = f.latest(ANTWERPEN);
        MunicipalityUptake in2022 = UptakeViews.asOf(antwerpen, END_2022);
        assertThat(UptakeViews.inForce(antwerpen, END_2022)).isTrue();
        assertThat(present(in2022, "SITE_MENTION")).isFalse();
        assertThat(present(in2022, "NEWSLETTER_FEATURE")).isFalse();
        assertThat(in2022.getFeaturedIn()).isEmpty();
        assertThat(present(UptakeViews.asOf(f.latest(BORSBEEK), END_2022), "SITE_MENTION")).isTrue();

        MunicipalityUptake in2025 = UptakeViews.asOf(antwerpen, MID_2025);
        assertThat(present(in2025, "SITE_MENTION")).isTrue();
        assertThat(in2025.getSignals().get("SITE_MENTION").getFirstSeen()).isEqualTo(UptakeMath.startOf(TestRegister.FIRST_DAY_2025));
        assertThat(present(in2025, "NEWSLETTER_FEATURE")).isTrue();
        assertThat(UptakeViews.inForce(f.latest(BORSBEEK), MID_2025)).isFalse();

        // Borsbeek's own record is untouched by the merger
        assertThat(f.latest(BORSBEEK).getFeaturedIn()).extracting(SourceRef::getId).containsExactly("2021-09-01-nieuwsbrief");
        assertThat(List.of(f.latest(BORSBEEK).getSignals().get("SITE_MENTION").getFirstSeen()))
                .containsExactly(Instant.parse("2021-06-01T08:01:00Z"));
    }
}
