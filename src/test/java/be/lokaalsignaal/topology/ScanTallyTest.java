package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.SignalState;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages are tallied per (municipality, scan); the record is rebuilt on scan events and first appearances. */
class ScanTallyTest {
    private static final String GENT = "44021";
    private static final Instant JAN = Instant.parse("2021-01-10T08:00:00Z");
    private static final Instant APR = Instant.parse("2021-04-10T08:00:00Z");
    private static final Instant JUL = Instant.parse("2021-07-10T08:00:00Z");

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private SignalState link() {
        return f.latest(GENT).getSignals().get("SITE_LINK");
    }

    @Test
    void aReDeliveredPageIsCountedOnceSoThatAPartialScanCannotLookWhole() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.page(GENT, "s2", 2, "https://stad.gent/nieuws", APR.plusSeconds(120));
        // the crawler's producer retried: page 1 arrives three times, page 2 twice
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.page(GENT, "s2", 2, "https://stad.gent/nieuws", APR.plusSeconds(120));
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 3);
        assertThat(link().getPresent()).as("5 deliveries of 2 pages are not the 3 pages s2 reported").isTrue();

        f.page(GENT, "s2", 3, "https://stad.gent/contact", APR.plusSeconds(180));
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
    }

    @Test
    void aPageNumberedBeyondWhatTheScanReportedDoesNotCountTowardsIt() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_MENTION");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.page(GENT, "s2", 7, "https://stad.gent/zeven", APR.plusSeconds(70));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 2);
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getPresent()).as("page 2 of 2 is missing").isTrue();

        f.page(GENT, "s2", 2, "https://stad.gent/twee", APR.plusSeconds(80));
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getPresent()).isFalse();
    }

    @Test
    void aPartialScanNeverProvesAbsenceNotEvenOnceItIsForgottenAndItsLastPageArrives() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.page(GENT, "s2", 2, "https://stad.gent/nieuws", APR.plusSeconds(120));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 3);
        assertThat(link().getPresent()).isTrue();

        // twenty later scans that never complete push s2 out of the pending scans
        for (int i = 0; i < UptakeTopology.Options.defaults().pendingScanLimit(); i++) {
            Instant start = JUL.plusSeconds(86_400L * i);
            f.started(GENT, "later-" + i, start);
            f.page(GENT, "later-" + i, 1, "https://stad.gent/", start.plusSeconds(60));
        }
        assertThat(link().getPresent()).isTrue();

        // s2's third page arrives at last: s2 and what its COMPLETED said are forgotten, so it proves nothing
        f.page(GENT, "s2", 3, "https://stad.gent/contact", APR.plusSeconds(180));
        assertThat(link().getPresent()).isTrue();
        assertThat(link().getLostAt()).isNull();
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(60), null));
    }

    @Test
    void aLatePageAfterItsScansCompletedRecordJudgesTheScanAtItsCompletion() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 2);
        assertThat(link().getPresent()).isTrue();
        assertThat(f.latest(GENT).getLastScan().getStatus()).isEqualTo("COMPLETED");

        // the last page was fetched before COMPLETED but processed after it
        f.page(GENT, "s2", 2, "https://stad.gent/nieuws", APR.plusSeconds(120));
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
        MunicipalityUptake lost = f.history().get(GENT, APR.plusSeconds(3600).toEpochMilli()).value();
        assertThat(lost.getSignals().get("SITE_LINK").getPresent()).isFalse();
    }

    @Test
    void aPageThatArrivesAfterItsScanWasJudgedCannotUndoTheScansProof() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");
        f.fullScan(GENT, "s2", APR, 2);
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
        f.uptake.readKeyValuesToList();

        // a re-delivery of s2's second page after s2 was judged: nothing to publish
        f.page(GENT, "s2", 2, "https://example.be/" + GENT + "/s2/1", APR.plusSeconds(120));
        assertThat(f.uptake.isEmpty()).isTrue();
        assertThat(link().getPresent()).isFalse();

        // a stray page of s2 that shows the link, fetched while s2 ran, after s2 proved it gone
        f.page(GENT, "s2", 3, "https://stad.gent/oud", APR.plusSeconds(90), "SITE_LINK");
        f.fullScan(GENT, "s3", JUL, 1);
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(60), APR.plusSeconds(3600)));
    }

    @Test
    void theFirstAppearanceOfAKindIsPublishedDuringTheScanAndItsFurtherSightingsWhenTheScanIsJudged() {
        f.register(GENT);
        f.started(GENT, "s1", JAN);
        f.page(GENT, "s1", 1, "https://stad.gent/", JAN.plusSeconds(60));
        f.uptake.readKeyValuesToList();

        f.page(GENT, "s1", 2, "https://stad.gent/hulp", JAN.plusSeconds(120), "SITE_LINK");
        List<MunicipalityUptake> published = f.uptake.readValuesToList();
        assertThat(published).hasSize(1);
        SignalState atOnce = published.get(0).getSignals().get("SITE_LINK");
        assertThat(atOnce.getPresent()).isTrue();
        assertThat(atOnce.getFirstSeen()).isEqualTo(JAN.plusSeconds(120));
        assertThat(published.get(0).getLastScan().getStatus()).as("published before the scan completed").isEqualTo("STARTED");
        assertThat(f.history().get(GENT, JAN.plusSeconds(120).toEpochMilli()).value().getSignals().get("SITE_LINK").getPresent()).isTrue();

        // the link again: tallied with the scan, nothing published yet
        f.page(GENT, "s1", 3, "https://stad.gent/contact", JAN.plusSeconds(180), "SITE_LINK");
        assertThat(f.uptake.isEmpty()).isTrue();
        assertThat(link().getLastSeen()).isEqualTo(JAN.plusSeconds(120));
        // a first appearance of another kind is published at once, with what the scan showed so far
        f.page(GENT, "s1", 4, "https://stad.gent/welzijn", JAN.plusSeconds(240), "SITE_LINK", "SAFETY_PLAN");
        assertThat(f.uptake.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getSignals().get("SAFETY_PLAN").getFirstSeen()).isEqualTo(JAN.plusSeconds(240));
            assertThat(r.getSignals().get("SITE_LINK").getLastSeen()).isEqualTo(JAN.plusSeconds(240));
        });
        f.page(GENT, "s1", 5, "https://stad.gent/jeugd", JAN.plusSeconds(300), "SITE_LINK");
        assertThat(f.uptake.isEmpty()).isTrue();

        f.completed(GENT, "s1", JAN, JAN.plusSeconds(3600), 5);
        assertThat(f.uptake.readValuesToList()).hasSize(1);
        SignalState judged = link();
        assertThat(judged.getPresent()).isTrue();
        assertThat(judged.getFirstSeen()).isEqualTo(JAN.plusSeconds(120));
        assertThat(judged.getLastSeen()).isEqualTo(JAN.plusSeconds(300));
        assertThat(judged.getEvidence()).extracting(Evidence::getUrl).containsExactly("https://stad.gent/jeugd",
                "https://stad.gent/welzijn", "https://stad.gent/contact", "https://stad.gent/hulp");
        assertThat(UptakeFixture.periods(judged)).containsExactly(UptakeFixture.span(JAN.plusSeconds(120), null));
    }

    @Test
    void aKindFoundAgainAfterItsLossOpensItsNewPeriodAtThatPageWhenTheScanIsJudged() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");
        f.fullScan(GENT, "s2", APR, 1);
        assertThat(link().getPresent()).isFalse();

        f.started(GENT, "s3", JUL);
        f.uptake.readKeyValuesToList();
        f.page(GENT, "s3", 1, "https://stad.gent/", JUL.plusSeconds(60), "SITE_LINK");
        f.page(GENT, "s3", 2, "https://stad.gent/hulp", JUL.plusSeconds(120), "SITE_LINK");
        assertThat(f.uptake.isEmpty()).as("not a first appearance: published with the scan").isTrue();
        assertThat(link().getPresent()).isFalse();

        f.completed(GENT, "s3", JUL, JUL.plusSeconds(3600), 2);
        assertThat(link().getPresent()).isTrue();
        assertThat(link().getLastSeen()).isEqualTo(JUL.plusSeconds(120));
        assertThat(UptakeFixture.periods(link())).containsExactly(
                UptakeFixture.span(JAN.plusSeconds(60), APR.plusSeconds(3600)), UptakeFixture.span(JUL.plusSeconds(60), null));
    }

    @Test
    void aLatePageFromBeforeAKindsFirstAppearanceMovesItAtOnce() {
        f.register(GENT);
        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", 1, "https://stad.gent/", APR.plusSeconds(60), "SITE_MENTION");
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getFirstSeen()).isEqualTo(APR.plusSeconds(60));

        // a page of an earlier scan, delivered late, already showed the mention in January
        f.started(GENT, "s1", JAN);
        f.page(GENT, "s1", 1, "https://stad.gent/oud", JAN.plusSeconds(60), "SITE_MENTION");
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getFirstSeen()).isEqualTo(JAN.plusSeconds(60));
    }

    @Test
    void aScanThatOnlyReconfirmsWhatIsPresentPublishesOneRecordWhenStartedAndOneWhenJudged() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 2, "SITE_LINK", "CAMPAIGN");
        f.uptake.readKeyValuesToList();

        f.started(GENT, "s2", APR);
        for (int i = 1; i <= 40; i++) {
            f.page(GENT, "s2", i, "https://stad.gent/p" + i, APR.plusSeconds(i), i % 2 == 0 ? new String[] {"SITE_LINK"} : new String[0]);
        }
        f.page(GENT, "s2", 41, "https://stad.gent/campagne", APR.plusSeconds(41), "CAMPAIGN");
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 41);

        List<MunicipalityUptake> published = f.uptake.readValuesToList();
        assertThat(published).extracting(r -> r.getLastScan().getStatus()).containsExactly("STARTED", "COMPLETED");
        assertThat(published.get(1).getSignals().get("SITE_LINK").getLastSeen()).isEqualTo(APR.plusSeconds(40));
        assertThat(published.get(1).getSignals().get("CAMPAIGN").getLastSeen()).isEqualTo(APR.plusSeconds(41));
        assertThat(published.get(1).getUpdatedAt()).isEqualTo(APR.plusSeconds(3600));
    }

    @Test
    void aScanPendingInAStateWrittenBeforeTheTalliesIsStillCountedByItsUrls() {
        // as an earlier version left it: s1 showed the link; s2 pending with one page counted in the
        // state and its URL in the scan-pages store
        OwnState legacy = new OwnState();
        legacy.meta = OwnState.Meta.of(TestRegister.all().get(GENT));
        OwnState.SiteTrack track = new OwnState.SiteTrack();
        track.periods.add(new OwnState.Span(JAN.plusSeconds(60).toEpochMilli(), null));
        track.lastSeen = JAN.plusSeconds(60).toEpochMilli();
        legacy.site.put("SITE_LINK", track);
        OwnState.ScanTrack s2 = new OwnState.ScanTrack();
        s2.scanId = "s2";
        s2.status = OwnState.STARTED;
        s2.startedAt = APR.toEpochMilli();
        s2.seen = 1;
        legacy.scans.put("s2", s2);
        legacy.updatedAt = APR.plusSeconds(60).toEpochMilli();
        f.driver.<String, OwnState>getKeyValueStore(UptakeTopology.OWN_STATE_STORE).put(GENT, legacy);
        KeyValueStore<String, byte[]> pageKeys = f.driver.getKeyValueStore(UptakeTopology.SCAN_PAGES_STORE);
        pageKeys.put(GENT + "\u0000s2\u0000" + OwnState.urlDigest("https://stad.gent/1"), new byte[0]);

        // the old crawler re-delivers its first page, then reports two pages
        f.page(GENT, "s2", null, "https://stad.gent/1", APR.plusSeconds(60));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 2);
        assertThat(link().getPresent()).isTrue();

        f.page(GENT, "s2", null, "https://stad.gent/2", APR.plusSeconds(120));
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
        try (var keys = pageKeys.all()) {
            assertThat(keys.hasNext()).as("the judged scan's URLs are forgotten").isFalse();
        }
    }
}
