package be.lokaalsignaal.topology;

import static be.lokaalsignaal.topology.UptakeFixture.issue;
import static be.lokaalsignaal.topology.UptakeFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.CallUptake;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallAttributionTest {
    private static final LocalDate CALL_DATE = LocalDate.of(2021, 3, 3);
    private static final String CALL_ID = "2021-03-03-nieuwsbrief#1";

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** A complete scan whose only page, fetched at 10:01 UTC on the day {@code days} after the call, shows the kinds. */
    private void gains(String nis, long days, String... kinds) {
        Instant start = UptakeMath.startOf(CALL_DATE.plusDays(days)).plusSeconds(10 * 3600);
        f.fullScan(nis, "scan-" + nis + "-" + days, start, 1, kinds);
    }

    private CallUptake stored() {
        KeyValueStore<String, ValueAndTimestamp<CallUptake>> store = f.driver.getTimestampedKeyValueStore(UptakeTopology.CALL_UPTAKE_STORE);
        return store.get(CALL_ID).value();
    }

    private static List<Integer> windows(CallUptake c) {
        return List.of(c.getBefore(), c.getWithin30Days(), c.getWithin90Days(), c.getWithin365Days(), c.getLater());
    }

    @Test
    void eachMunicipalityCountsOnceInTheWindowOfItsFirstLinkOrMentionWithDay30Within30AndDay31Within90() {
        f.register("11001", "11002", "11004", "11005", "11007", "11008", "11009", "11013", "11016", "11018", "71022", "71072");
        f.publish(issue("2021-03-03-nieuwsbrief", CALL_DATE,
                item("Safer Cities", false), item("Vermeld www.seksueelgeweld.be", true)));
        // the call exists before anyone gained anything: all windows empty
        assertThat(windows(stored())).containsExactly(0, 0, 0, 0, 0);

        gains("11001", -1, "SITE_LINK");       // before
        gains("11002", 0, "SITE_MENTION");     // day 0: within 30
        gains("11004", 30, "SITE_LINK");       // day 30: within 30
        gains("11005", 31, "SITE_LINK");       // day 31: within 90
        gains("11007", 90, "SITE_MENTION");    // day 90: within 90
        gains("11008", 91, "SITE_LINK");       // day 91: within 365
        gains("11009", 365, "SITE_LINK");      // day 365: within 365
        gains("11013", 366, "SITE_LINK");      // day 366: later
        gains("11016", -400, "CAMPAIGN");      // another kind: not counted
        // first the mention on day 31, then the link on day 100: counted once, on day 31
        gains("11018", 31, "SITE_MENTION");
        gains("11018", 100, "SITE_LINK", "SITE_MENTION");
        // 71022 (old Hasselt) gained before the call; its successor 71072 carries that history
        // but is not in force on the call date, so it is not counted twice
        gains("71022", -10, "SITE_LINK");
        assertThat(f.latest("71072").getSignals().get("SITE_LINK").getPresent()).isTrue();

        CallUptake c = stored();
        assertThat(windows(c)).containsExactly(2, 2, 3, 2, 1);
        assertThat(c.getCallId()).isEqualTo(CALL_ID);
        assertThat(c.getIssueId()).isEqualTo("2021-03-03-nieuwsbrief");
        assertThat(c.getCallDate()).isEqualTo(CALL_DATE);
        assertThat(c.getTitle()).isEqualTo("Vermeld www.seksueelgeweld.be");
        assertThat(windows(f.calls.readKeyValuesToMap().get(CALL_ID))).containsExactly(2, 2, 3, 2, 1);
    }

    @Test
    void aCallIsAttributedAgainOnlyWhenAFirstAppearanceChangesAndItsUpdatedAtIsWhenWhatItCountsLastChanged() {
        f.register("11001", "11004", "11005");
        f.publish(issue("2021-03-03-nieuwsbrief", CALL_DATE, item("Intro", false), item("Vermeld de site", true)));
        assertThat(stored().getUpdatedAt()).as("nothing counted yet: the call date").isEqualTo(UptakeMath.startOf(CALL_DATE));

        Instant day10 = UptakeMath.startOf(CALL_DATE.plusDays(10)).plusSeconds(10 * 3600);
        gains("11001", 10, "SITE_LINK");
        // the record that first showed the link is the one published with its first page
        assertThat(stored().getUpdatedAt()).isEqualTo(day10.plusSeconds(60));
        f.calls.readKeyValuesToList();

        // later records that leave every first appearance where it was: a scan that finds the link
        // again, a loss, a municipality without either kind
        gains("11001", 50, "SITE_LINK", "CAMPAIGN");
        gains("11001", 80);
        gains("11005", 85, "NIGHTLIFE");
        assertThat(f.latest("11001").getSignals().get("SITE_LINK").getPresent()).isFalse();
        assertThat(f.calls.isEmpty()).as("no call attributed again").isTrue();
        assertThat(windows(stored())).containsExactly(0, 1, 0, 0, 0);
        assertThat(stored().getUpdatedAt()).isEqualTo(day10.plusSeconds(60));

        gains("11004", 60, "SITE_MENTION");
        Instant day60 = UptakeMath.startOf(CALL_DATE.plusDays(60)).plusSeconds(10 * 3600);
        assertThat(windows(f.calls.readKeyValuesToMap().get(CALL_ID))).containsExactly(0, 1, 1, 0, 0);
        assertThat(stored().getUpdatedAt()).isEqualTo(day60.plusSeconds(60));
    }

    @Test
    void aLinkLostBeforeTheCallStillCountsAsHadBeforeBecauseTheFirstAppearanceDecides() {
        f.register("11001", "11004");
        f.fullScan("11001", "a", Instant.parse("2020-01-10T10:00:00Z"), 1, "SITE_LINK");
        f.fullScan("11001", "b", Instant.parse("2020-06-10T10:00:00Z"), 1);
        assertThat(f.latest("11001").getSignals().get("SITE_LINK").getPresent()).isFalse();
        gains("11004", 45, "SITE_MENTION");
        f.publish(issue("2021-03-03-nieuwsbrief", CALL_DATE, item("Intro", false), item("Vermeld de site", true)));
        assertThat(windows(stored())).containsExactly(1, 0, 1, 0, 0);

        // an edit that drops the call removes its attribution
        f.calls.readKeyValuesToList();
        f.publish(issue("2021-03-03-nieuwsbrief", CALL_DATE, item("Intro", false), item("Vermeld de site", false)));
        KeyValueStore<String, ValueAndTimestamp<CallUptake>> store = f.driver.getTimestampedKeyValueStore(UptakeTopology.CALL_UPTAKE_STORE);
        assertThat(store.get(CALL_ID)).isNull();
        assertThat(f.calls.readKeyValuesToMap()).containsEntry(CALL_ID, null);
    }
}
