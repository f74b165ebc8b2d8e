package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.topics.SignalKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimelineTest {
    static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
    static final LocalDate SCANNED = LocalDate.of(2020, 1, 1);

    @Test
    void counts_a_municipality_once_when_its_link_and_mention_overlap() {
        MunicipalityUptake m = municipality("11001",
                Map.of(SignalKind.SITE_LINK, List.of(period("2021-01-10", "2021-06-01")),
                        SignalKind.SITE_MENTION, List.of(period("2021-05-01", null))));
        assertThat(Timeline.points(List.of(m), AS_OF)).containsExactly(
                new Timeline.Point(SCANNED, 0, 1),
                new Timeline.Point(LocalDate.parse("2021-01-10"), 1, 1),
                new Timeline.Point(AS_OF, 1, 1));
    }

    @Test
    void follows_a_signal_lost_and_found_again() {
        MunicipalityUptake m = municipality("11001", Map.of(SignalKind.SITE_LINK,
                List.of(period("2021-03-10", "2021-09-01"), period("2022-02-01", null))));
        MunicipalityUptake other = municipality("11002", Map.of(SignalKind.SITE_MENTION, List.of(period("2021-04-01", null))));
        assertThat(Timeline.points(List.of(m, other), AS_OF)).containsExactly(
                new Timeline.Point(SCANNED, 0, 2),
                new Timeline.Point(LocalDate.parse("2021-03-10"), 1, 2),
                new Timeline.Point(LocalDate.parse("2021-04-01"), 2, 2),
                new Timeline.Point(LocalDate.parse("2021-09-01"), 1, 2),
                new Timeline.Point(LocalDate.parse("2022-02-01"), 2, 2),
                new Timeline.Point(AS_OF, 2, 2));
    }

    @Test
    void ignores_what_happened_after_the_date() {
        MunicipalityUptake m = municipality("11001", Map.of(SignalKind.SITE_LINK,
                List.of(period("2022-06-01", "2023-03-01"), period("2023-05-01", null))));
        assertThat(Timeline.points(List.of(m), AS_OF)).containsExactly(
                new Timeline.Point(SCANNED, 0, 1),
                new Timeline.Point(LocalDate.parse("2022-06-01"), 1, 1),
                new Timeline.Point(AS_OF, 1, 1));
    }

    @Test
    void counts_other_kinds_not() {
        MunicipalityUptake m = municipality("11001", Map.of(SignalKind.CAMPAIGN, List.of(period("2021-01-01", null))));
        assertThat(Timeline.points(List.of(m), AS_OF)).containsExactly(new Timeline.Point(SCANNED, 0, 1), new Timeline.Point(AS_OF, 0, 1));
    }

    @Test
    void counts_a_municipality_only_from_the_day_its_first_complete_scan_ended() {
        MunicipalityUptake early = scannedOn(municipality("11001", Map.of(SignalKind.SITE_LINK, List.of(period("2021-01-10", null)))),
                LocalDate.parse("2021-06-01"));
        MunicipalityUptake never = scannedOn(municipality("11002", Map.of(SignalKind.SITE_LINK, List.of(period("2021-02-01", null)))), null);
        assertThat(Timeline.points(List.of(early, never), AS_OF)).containsExactly(
                new Timeline.Point(LocalDate.parse("2021-06-01"), 1, 1),
                new Timeline.Point(AS_OF, 1, 1));
    }

    static MunicipalityUptake scannedOn(MunicipalityUptake m, LocalDate day) {
        return MunicipalityUptake.newBuilder(m).setFirstCompleteScan(day == null ? null : scan(day)).setLastCompleteScan(day == null ? null : scan(day)).build();
    }

    static ScanSummary scan(LocalDate day) {
        return ScanSummary.newBuilder().setScanId("scan-" + day).setStatus("COMPLETED")
                .setStartedAt(SampleUptakeSource.at(day).minusSeconds(3600)).setCompletedAt(SampleUptakeSource.at(day)).setPages(10).build();
    }

    static Period period(String from, String until) {
        return Period.newBuilder()
                .setFrom(SampleUptakeSource.at(LocalDate.parse(from)))
                .setUntil(until == null ? null : SampleUptakeSource.at(LocalDate.parse(until)))
                .build();
    }

    static MunicipalityUptake municipality(String nis, Map<SignalKind, List<Period>> periods) {
        Map<String, SignalState> signals = new LinkedHashMap<>();
        periods.forEach((kind, list) -> {
            Period last = list.get(list.size() - 1);
            signals.put(kind.name(), SignalState.newBuilder()
                    .setPresent(last.getUntil() == null)
                    .setFirstSeen(list.get(0).getFrom())
                    .setPeriods(new ArrayList<>(list))
                    .build());
        });
        return MunicipalityUptake.newBuilder()
                .setNisCode(nis).setName("Gemeente " + nis).setProvince("Antwerpen").setCentreCity(false)
                .setSignals(signals).setUpdatedAt(SampleUptakeSource.at(AS_OF))
                .setFirstCompleteScan(scan(SCANNED)).setLastCompleteScan(scan(SCANNED)).setLastScan(scan(SCANNED))
                .build();
    }
}
