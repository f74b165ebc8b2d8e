package be.lokaalsignaal.topology;

import be.lokaalsignaal.topics.SignalKind;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UptakeViewsTest {
    private static final Instant A = Instant.parse("2021-01-10T08:00:00Z");
    private static final Instant LOST = Instant.parse("2021-04-10T09:00:00Z");
    private static final Instant B = Instant.parse("2021-07-10T08:00:00Z");

    private static MunicipalityUptake record(LocalDate validFrom, LocalDate validUntil) {
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (SignalKind k : SignalKind.values()) {
            signals.put(k.name(), UptakeMath.absent());
        }
        signals.put("SITE_LINK", new SignalState(true, A, B, null, List.of(new Period(A, LOST), new Period(B, null)),
                List.of(new Evidence("https://x.be/2", B, "b", "WEBSITE"), new Evidence("https://x.be/1", A, "a", "WEBSITE"))));
        return MunicipalityUptake.newBuilder().setNisCode("12025").setName("Mechelen").setProvince("Antwerpen")
                .setCentreCity(true).setValidFrom(validFrom).setValidUntil(validUntil).setSignals(signals)
                .setFeaturedIn(List.of(new SourceRef("i1", LocalDate.of(2020, 3, 4), "i1"), new SourceRef("i2", LocalDate.of(2021, 3, 3), "i2")))
                .setPresentedAt(List.of())
                .setLastScan(new ScanSummary("s3", "COMPLETED", null, B.minusSeconds(60), B.plusSeconds(3600), 4))
                .setFirstCompleteScan(new ScanSummary("s3", "COMPLETED", null, B.minusSeconds(60), B.plusSeconds(3600), 4))
                .setLastCompleteScan(new ScanSummary("s3", "COMPLETED", null, B.minusSeconds(60), B.plusSeconds(3600), 4))
                .setWebsite("https://www.mechelen.be")
                .setUpdatedAt(B.plusSeconds(3600)).build();
    }

    private static SignalState link(MunicipalityUptake r) {
        return r.getSignals().get("SITE_LINK");
    }

    @Test
    void asOfADateBeforeTheFirstSightingShowsNothing() {
        MunicipalityUptake r = UptakeViews.asOf(record(null, null), LocalDate.of(2021, 1, 9));
        assertThat(link(r).getPresent()).isFalse();
        assertThat(link(r).getPeriods()).isEmpty();
        assertThat(link(r).getEvidence()).isEmpty();
        assertThat(link(r).getFirstSeen()).isNull();
        assertThat(r.getFeaturedIn()).extracting(SourceRef::getId).containsExactly("i1");
        assertThat(r.getLastScan()).isNull();
        assertThat(r.getUpdatedAt()).isBefore(UptakeMath.startOf(LocalDate.of(2021, 1, 10)));
    }

    @Test
    void asOfTheDayOfTheFirstSightingItIsPresentAndAPeriodThatEndsLaterIsOpen() {
        MunicipalityUptake r = UptakeViews.asOf(record(null, null), LocalDate.of(2021, 1, 10));
        assertThat(link(r).getPresent()).isTrue();
        assertThat(link(r).getLostAt()).isNull();
        assertThat(UptakeFixture.periods(link(r))).containsExactly(UptakeFixture.span(A, null));
        assertThat(link(r).getLastSeen()).isEqualTo(A);
        assertThat(link(r).getEvidence()).extracting(Evidence::getSnippet).containsExactly("a");
    }

    @Test
    void asOfADateBetweenTwoPeriodsItIsLostSinceTheProvingScan() {
        MunicipalityUptake r = UptakeViews.asOf(record(null, null), LocalDate.of(2021, 5, 1));
        assertThat(link(r).getPresent()).isFalse();
        assertThat(link(r).getLostAt()).isEqualTo(LOST);
        assertThat(link(r).getFirstSeen()).isEqualTo(A);
        assertThat(r.getFeaturedIn()).extracting(SourceRef::getId).containsExactly("i1", "i2");
    }

    @Test
    void asOfTheDayALastScanEndsItShowsTheScanAsStarted() {
        MunicipalityUptake r = UptakeViews.asOf(record(null, null), LocalDate.of(2021, 7, 9));
        assertThat(r.getLastScan()).isNull();
        MunicipalityUptake sameDay = UptakeViews.asOf(record(null, null), LocalDate.of(2021, 7, 10));
        assertThat(sameDay.getLastScan().getStatus()).isEqualTo("COMPLETED");
        assertThat(link(sameDay).getPresent()).isTrue();
        assertThat(link(sameDay).getPeriods()).hasSize(2);
    }

    @Test
    void validityBoundsAreInclusive() {
        MunicipalityUptake absorbed = record(null, LocalDate.of(2024, 12, 31));
        MunicipalityUptake merged = record(LocalDate.of(2025, 1, 1), null);
        assertThat(UptakeViews.inForce(absorbed, LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(UptakeViews.inForce(absorbed, LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(UptakeViews.inForce(merged, LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(UptakeViews.inForce(merged, LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(UptakeViews.inForceNow(absorbed)).isFalse();
        assertThat(UptakeViews.inForceNow(merged)).isTrue();
    }

    @Test
    void summarizeCountsEveryGivenRecordInFlandersItsProvinceAndTheCentreCities() {
        MunicipalityUptake r = record(null, null);
        MunicipalityUptake earlier = UptakeViews.asOf(r, LocalDate.of(2021, 5, 1));
        Map<String, be.lokaalsignaal.avro.UptakeSummary> totals = UptakeViews.summarize(List.of(r, earlier));
        assertThat(totals).containsOnlyKeys("FLANDERS", "PROVINCE:Antwerpen", "CENTRE_CITIES");
        assertThat(totals.get("FLANDERS").getMunicipalities()).isEqualTo(2);
        assertThat(totals.get("CENTRE_CITIES").getCounts().get("SITE_LINK")).isEqualTo(1);
        assertThat(totals.get("PROVINCE:Antwerpen").getCounts().get("NIGHTLIFE")).isZero();
    }

    private static ScanSummary scan(String id, String status, String reason, Instant start, Instant end) {
        return new ScanSummary(id, status, reason, start, end, 3);
    }

    @Test
    void asOfADateTheMunicipalityIsScannedOnlyFromTheCompletionOfItsFirstCompleteScan() {
        ScanSummary first = scan("s1", "COMPLETED", null, A.minusSeconds(3600), A);
        ScanSummary latest = scan("s5", "COMPLETED", null, B, B.plusSeconds(3600));
        MunicipalityUptake r = MunicipalityUptake.newBuilder(record(null, null))
                .setFirstCompleteScan(first).setLastCompleteScan(latest).setLastScan(scan("s6", "FAILED", "UNREACHABLE", B.plusSeconds(86400), B.plusSeconds(86460)))
                .build();

        MunicipalityUptake before = UptakeViews.asOf(r, LocalDate.of(2021, 1, 9));
        assertThat(UptakeViews.scanned(before)).isFalse();
        assertThat(before.getLastScan()).isNull();
        assertThat(UptakeViews.scanOutcome(before)).isEqualTo("NOT_SCANNED_YET");

        // between the first and the latest complete scan: scanned, the first stands in as a lower bound
        MunicipalityUptake between = UptakeViews.asOf(r, LocalDate.of(2021, 5, 1));
        assertThat(UptakeViews.scanned(between)).isTrue();
        assertThat(between.getLastCompleteScan().getScanId()).isEqualTo("s1");
        assertThat(UptakeViews.scanOutcome(between)).isEqualTo("OK");

        MunicipalityUptake now = UptakeViews.asOf(r, LocalDate.of(2022, 1, 1));
        assertThat(UptakeViews.scanned(now)).isTrue();
        assertThat(now.getLastCompleteScan().getScanId()).isEqualTo("s5");
        assertThat(UptakeViews.scanOutcome(now)).isEqualTo("UNREACHABLE");
    }

    @Test
    void theScanOutcomeTellsNoWebsiteNeverScannedInProgressIncompleteAndFailures() {
        MunicipalityUptake base = MunicipalityUptake.newBuilder(record(null, null)).setLastScan(null)
                .setFirstCompleteScan(null).setLastCompleteScan(null).setWebsite(null).build();
        assertThat(UptakeViews.scanOutcome(base)).isEqualTo("NO_WEBSITE");
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setWebsite("https://www.mechelen.be").build()))
                .isEqualTo("NOT_SCANNED_YET");
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setLastScan(scan("s1", "STARTED", null, A, null)).build()))
                .isEqualTo("IN_PROGRESS");
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setLastScan(scan("s1", "COMPLETED", null, A, B)).build()))
                .isEqualTo("INCOMPLETE");
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setLastScan(scan("s1", "FAILED", "ROBOTS_DISALLOWED", A, B)).build()))
                .isEqualTo("ROBOTS_DISALLOWED");
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setLastScan(scan("s1", "FAILED", "NO_WEBSITE", A, A)).build()))
                .isEqualTo("NO_WEBSITE");
        ScanSummary done = scan("s1", "COMPLETED", null, A, B);
        assertThat(UptakeViews.scanOutcome(MunicipalityUptake.newBuilder(base).setLastScan(done).setFirstCompleteScan(done)
                .setLastCompleteScan(done).build())).isEqualTo("OK");
    }

    @Test
    void aSummaryCountsWebsiteSignalsOverScannedMunicipalitiesOnlyAndEventSignalsOverAll() {
        ScanSummary done = scan("s1", "COMPLETED", null, A, A.plusSeconds(60));
        MunicipalityUptake scanned = MunicipalityUptake.newBuilder(record(null, null)).setLastScan(done)
                .setFirstCompleteScan(done).setLastCompleteScan(done).build();
        MunicipalityUptake unknown = MunicipalityUptake.newBuilder(record(null, null)).setNisCode("11001")
                .setLastScan(scan("s1", "FAILED", "UNREACHABLE", A, A)).setFirstCompleteScan(null).setLastCompleteScan(null).build();
        var flanders = UptakeViews.summarize(List.of(scanned, unknown)).get(UptakeViews.FLANDERS);
        assertThat(flanders.getMunicipalities()).isEqualTo(2);
        assertThat(flanders.getScanned()).isEqualTo(1);
        assertThat(flanders.getNotScanned()).isEqualTo(1);
        assertThat(flanders.getNotScannedByOutcome()).containsExactlyEntriesOf(Map.of("UNREACHABLE", 1));
        assertThat(flanders.getCounts().get("SITE_LINK")).isEqualTo(1);
        assertThat(flanders.getCounts().get("NEWSLETTER_FEATURE")).isZero();
    }
}
