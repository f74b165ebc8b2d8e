package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.SignalState;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebsitePresenceTest {
    private static final String GENT = "44021";
    private static final Instant JAN = Instant.parse("2021-01-10T08:00:00Z");
    private static final Instant APR = Instant.parse("2021-04-10T08:00:00Z");
    private static final Instant JUL = Instant.parse("2021-07-10T08:00:00Z");
    private static final Instant OCT = Instant.parse("2021-10-10T08:00:00Z");

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private SignalState link() {
        return f.latest(GENT).getSignals().get("SITE_LINK");
    }

    @Test
    void aLinkAppearsWithItsFirstPageIsLostAfterACompleteScanWithoutItAndFoundAgainAsANewPeriod() {
        f.register(GENT);
        assertThat(link().getPresent()).isFalse();
        assertThat(f.latest(GENT).getSignals()).containsOnlyKeys("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN",
                "NIGHTLIFE", "NEWSLETTER_FEATURE", "LEARNING_NETWORK");

        f.started(GENT, "s1", JAN);
        f.page(GENT, "s1", "https://stad.gent/a", JAN.plusSeconds(60), "SITE_LINK");
        // present from the first page, before the scan completes
        assertThat(link().getPresent()).isTrue();
        assertThat(link().getFirstSeen()).isEqualTo(JAN.plusSeconds(60));
        f.page(GENT, "s1", "https://stad.gent/b", JAN.plusSeconds(120));
        f.completed(GENT, "s1", JAN, JAN.plusSeconds(3600), 2);
        assertThat(link().getPresent()).isTrue();

        f.fullScan(GENT, "s2", APR, 3);
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(60), APR.plusSeconds(3600)));

        f.fullScan(GENT, "s3", JUL, 2, "SITE_LINK");
        SignalState again = link();
        assertThat(again.getPresent()).isTrue();
        assertThat(again.getLostAt()).isNull();
        assertThat(again.getFirstSeen()).isEqualTo(JAN.plusSeconds(60));
        assertThat(again.getLastSeen()).isEqualTo(JUL.plusSeconds(60));
        assertThat(UptakeFixture.periods(again)).containsExactly(
                UptakeFixture.span(JAN.plusSeconds(60), APR.plusSeconds(3600)),
                UptakeFixture.span(JUL.plusSeconds(60), null));
        assertThat(again.getEvidence()).first().satisfies(e -> {
            assertThat(e.getSeenAt()).isEqualTo(JUL.plusSeconds(60));
            assertThat(e.getSource()).isEqualTo("WEBSITE");
            assertThat(e.getSnippet()).contains("SITE_LINK");
        });
        // the topic for VVSG carries the same record as the store
        assertThat(f.uptakeTopic().get(GENT).toString()).isEqualTo(f.latest(GENT).toString());
    }

    @Test
    void aJudgedCompleteScanMakesTheMunicipalityScannedAndALaterFailureKeepsItsLastCompleteScan() {
        f.register(GENT);
        assertThat(f.latest(GENT).getWebsite()).isEqualTo("https://stad.gent");
        f.failed(GENT, "s0", JAN.minusSeconds(86400), JAN.minusSeconds(86000));
        assertThat(f.latest(GENT).getFirstCompleteScan()).isNull();

        // COMPLETED with a page still missing proves nothing yet
        f.started(GENT, "s1", JAN);
        f.page(GENT, "s1", "https://stad.gent/a", JAN.plusSeconds(60), "SITE_LINK");
        f.completed(GENT, "s1", JAN, JAN.plusSeconds(3600), 2);
        assertThat(f.latest(GENT).getFirstCompleteScan()).isNull();
        f.page(GENT, "s1", "https://stad.gent/b", JAN.plusSeconds(120));
        MunicipalityUptake scanned = f.latest(GENT);
        assertThat(scanned.getFirstCompleteScan().getScanId()).isEqualTo("s1");
        assertThat(scanned.getFirstCompleteScan().getCompletedAt()).isEqualTo(JAN.plusSeconds(3600));
        assertThat(scanned.getFirstCompleteScan().getPages()).isEqualTo(2);
        assertThat(scanned.getLastCompleteScan().getScanId()).isEqualTo("s1");

        f.fullScan(GENT, "s2", APR, 1, "SITE_LINK");
        f.failed(GENT, "s3", JUL, JUL.plusSeconds(60));
        MunicipalityUptake after = f.latest(GENT);
        assertThat(after.getFirstCompleteScan().getScanId()).isEqualTo("s1");
        assertThat(after.getLastCompleteScan().getScanId()).isEqualTo("s2");
        assertThat(after.getLastScan().getStatus()).isEqualTo("FAILED");
        assertThat(after.getLastScan().getReason()).isEqualTo("UNREACHABLE");
        assertThat(link().getPresent()).isTrue();
    }

    @Test
    void aFailedScanKeepsTheStateAndIsRecordedAsLastScan() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 2, "SITE_LINK", "SAFETY_PLAN");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", "https://stad.gent/x", APR.plusSeconds(60));
        f.failed(GENT, "s2", APR, APR.plusSeconds(600));

        // a re-delivered STARTED does not reopen the failed scan
        f.started(GENT, "s2", APR);

        MunicipalityUptake r = f.latest(GENT);
        assertThat(r.getSignals().get("SITE_LINK").getPresent()).isTrue();
        assertThat(r.getSignals().get("SAFETY_PLAN").getPresent()).isTrue();
        assertThat(r.getLastScan().getScanId()).isEqualTo("s2");
        assertThat(r.getLastScan().getStatus()).isEqualTo("FAILED");
        assertThat(r.getLastScan().getReason()).isEqualTo("UNREACHABLE");
    }

    @Test
    void aPartialScanLosesNothingUntilAllItsPagesHaveArrived() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_MENTION");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", "https://stad.gent/1", APR.plusSeconds(60));
        // COMPLETED says three pages, only one was seen so far
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 3);
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getPresent()).isTrue();
        assertThat(f.latest(GENT).getLastScan().getStatus()).isEqualTo("COMPLETED");

        f.page(GENT, "s2", "https://stad.gent/2", APR.plusSeconds(120));
        assertThat(f.latest(GENT).getSignals().get("SITE_MENTION").getPresent()).isTrue();

        f.page(GENT, "s2", "https://stad.gent/3", APR.plusSeconds(180));
        SignalState mention = f.latest(GENT).getSignals().get("SITE_MENTION");
        assertThat(mention.getPresent()).isFalse();
        assertThat(mention.getLostAt()).isEqualTo(APR.plusSeconds(3600));
    }

    @Test
    void aReDeliveredPageDoesNotMakeAPartialScanWhole() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK");

        f.started(GENT, "s2", APR);
        f.page(GENT, "s2", "https://stad.gent/1", APR.plusSeconds(60));
        f.page(GENT, "s2", "https://stad.gent/1", APR.plusSeconds(60));
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 2);
        assertThat(link().getPresent()).isTrue();

        // the missing page still shows the link
        f.page(GENT, "s2", "https://stad.gent/2", APR.plusSeconds(120), "SITE_LINK");
        assertThat(link().getPresent()).isTrue();
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(60), null));
    }

    @Test
    void outOfOrderPageEventsAreJudgedOnlyWhenTheScanIsWholeAndAPageAfterCompletedStillCounts() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 1, "SITE_LINK", "NIGHTLIFE");

        // s2: COMPLETED is processed before both of its pages; the last page still shows the link
        f.started(GENT, "s2", APR);
        f.completed(GENT, "s2", APR, APR.plusSeconds(3600), 2);
        f.page(GENT, "s2", "https://stad.gent/p1", APR.plusSeconds(60), "NIGHTLIFE");
        assertThat(link().getPresent()).isTrue();
        f.page(GENT, "s2", "https://stad.gent/p2", APR.plusSeconds(120), "SITE_LINK");
        assertThat(link().getPresent()).isTrue();
        assertThat(UptakeFixture.periods(link())).hasSize(1);
        assertThat(f.latest(GENT).getSignals().get("NIGHTLIFE").getPresent()).isTrue();

        // s3 and s4 both complete; s4 (later) is whole first, s3's last page arrives afterwards:
        // the loss is dated by the earliest complete scan that proved it
        f.started(GENT, "s3", JUL);
        f.page(GENT, "s3", "https://stad.gent/q1", JUL.plusSeconds(60));
        f.completed(GENT, "s3", JUL, JUL.plusSeconds(3600), 2);
        f.fullScan(GENT, "s4", OCT, 1);
        assertThat(link().getLostAt()).isEqualTo(OCT.plusSeconds(3600));
        f.page(GENT, "s3", "https://stad.gent/q2", JUL.plusSeconds(120));
        assertThat(link().getPresent()).isFalse();
        assertThat(link().getLostAt()).isEqualTo(JUL.plusSeconds(3600));
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(60), JUL.plusSeconds(3600)));
    }

    @Test
    void theVersionedStoreReturnsTheStateBeforeAndAfterALinkDisappears() {
        f.register(GENT);
        f.fullScan(GENT, "s1", JAN, 2, "SITE_LINK");
        f.fullScan(GENT, "s2", APR, 2);
        Instant lost = APR.plusSeconds(3600);
        assertThat(link().getPresent()).isFalse();

        MunicipalityUptake before = f.history().get(GENT, lost.toEpochMilli() - 1).value();
        MunicipalityUptake after = f.history().get(GENT, lost.toEpochMilli()).value();
        assertThat(before.getSignals().get("SITE_LINK").getPresent()).isTrue();
        assertThat(after.getSignals().get("SITE_LINK").getPresent()).isFalse();
        assertThat(after.getSignals().get("SITE_LINK").getLostAt()).isEqualTo(lost);
        // before the first sighting the municipality had no link
        MunicipalityUptake early = f.history().get(GENT, JAN.toEpochMilli()).value();
        assertThat(early.getSignals().get("SITE_LINK").getPresent()).isFalse();

        // the exact as-of view of the latest record agrees with the stored versions
        assertThat(UptakeViews.asOf(f.latest(GENT), LocalDate.of(2021, 3, 1)).getSignals().get("SITE_LINK").getPresent()).isTrue();
        assertThat(UptakeViews.asOf(f.latest(GENT), LocalDate.of(2021, 5, 1)).getSignals().get("SITE_LINK").getPresent()).isFalse();
    }

    @Test
    void aLatePageFromAnEarlierScanCannotOutliveALaterCompleteScanThatFoundNothing() {
        f.register(GENT);
        // s1 completes with two pages, but only one arrives before s2 completes without the link
        f.started(GENT, "s1", JAN);
        f.page(GENT, "s1", "https://stad.gent/1", JAN.plusSeconds(60));
        f.completed(GENT, "s1", JAN, JAN.plusSeconds(3600), 2);
        f.fullScan(GENT, "s2", APR, 2);
        assertThat(link().getPeriods()).isEmpty();

        // s1's last page showed the link: it was there in January, and gone by s2's completion
        f.page(GENT, "s1", "https://stad.gent/2", JAN.plusSeconds(120), "SITE_LINK");
        assertThat(link().getPresent()).isFalse();
        assertThat(UptakeFixture.periods(link())).containsExactly(UptakeFixture.span(JAN.plusSeconds(120), APR.plusSeconds(3600)));
        assertThat(link().getLostAt()).isEqualTo(APR.plusSeconds(3600));

        // found again in July; a late page from between the loss and July, with no complete scan
        // between it and July, extends the July period back
        f.fullScan(GENT, "s3", JUL, 1, "SITE_LINK");
        f.started(GENT, "s2b", APR.plusSeconds(7200));
        f.page(GENT, "s2b", "https://stad.gent/late", APR.plusSeconds(7260), "SITE_LINK");
        assertThat(link().getPresent()).isTrue();
        assertThat(UptakeFixture.periods(link())).containsExactly(
                UptakeFixture.span(JAN.plusSeconds(120), APR.plusSeconds(3600)),
                UptakeFixture.span(APR.plusSeconds(7260), null));
    }
}
