package be.lokaalsignaal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsiteScan;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScanProgressTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    // never started: the records are handed over directly
    private final ScanProgressTracker tracker = new ScanProgressTracker("127.0.0.1:1", Map.of("schema.registry.url", "mock://progress-test"));

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void reportsNoneBeforeTheFirstRound() {
        assertThat(tracker.snapshot().status()).isEqualTo("NONE");
    }

    @Test
    void aRoundIsRunningUntilEveryRequestedWebsiteCompletedOrFailed() {
        tracker.onRequest(request("scan-1", "12025"));
        tracker.onRequest(request("scan-1", "44021"));
        tracker.onScan(scan("scan-1", "12025", "STARTED", 0));
        tracker.onScan(scan("scan-1", "12025", "COMPLETED", 40));

        assertThat(tracker.snapshot().status()).isEqualTo("RUNNING");
        assertThat(tracker.snapshot().done()).isEqualTo(1);

        tracker.onScan(scan("scan-1", "44021", "FAILED", 0));

        ScanProgressTracker.Snapshot s = tracker.snapshot();
        assertThat(s.status()).isEqualTo("COMPLETE");
        assertThat(s.total()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.pages()).isEqualTo(40);
        assertThat(s.completedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aScanReadBeforeItsRequestStillCounts() {
        tracker.onScan(scan("scan-1", "12025", "COMPLETED", 3));
        tracker.onRequest(request("scan-1", "12025"));

        assertThat(tracker.snapshot().status()).isEqualTo("COMPLETE");
    }

    @Test
    void aNewerRoundReplacesTheOlderAndLateRecordsOfTheOlderAreIgnored() {
        tracker.onRequest(request("scan-1", "12025"));
        tracker.onRequest(request("scan-2", "12025"));
        tracker.onRequest(request("scan-1", "44021"));
        tracker.onScan(scan("scan-1", "12025", "COMPLETED", 9));

        ScanProgressTracker.Snapshot s = tracker.snapshot();
        assertThat(s.scanId()).isEqualTo("scan-2");
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.status()).isEqualTo("RUNNING");
    }

    @Test
    void aRoundSaysWhichWebsiteFailedWhyAndHowManyMunicipalitiesHadNoWebsite() {
        tracker.onRequest(request("scan-1", "12025"));
        tracker.onRequest(request("scan-1", "44021"));
        tracker.onScan(scan("scan-1", "12025", "COMPLETED", 10));
        tracker.onScan(WebsiteScan.newBuilder(scan("scan-1", "44021", "FAILED", 0)).setMessage("start page: connect timed out").build());
        tracker.onScan(WebsiteScan.newBuilder(scan("scan-1", "11005", "FAILED", 0)).setReason("NO_WEBSITE").build());

        ScanProgressTracker.Snapshot s = tracker.snapshot();
        assertThat(s.total()).isEqualTo(2);
        assertThat(s.withoutWebsite()).isEqualTo(1);
        assertThat(s.failuresByReason()).containsExactlyEntriesOf(Map.of("UNREACHABLE", 1));
        assertThat(s.municipalities()).filteredOn(m -> m.nisCode().equals("44021")).singleElement().satisfies(m -> {
            assertThat(m.reason()).isEqualTo("UNREACHABLE");
            assertThat(m.message()).isEqualTo("start page: connect timed out");
            assertThat(m.website()).isEqualTo("https://www.44021.example");
        });
    }

    private static ScanRequest request(String scanId, String nis) {
        return new ScanRequest(scanId, nis, "gemeente " + nis, "https://www." + nis + ".example", T0);
    }

    private static WebsiteScan scan(String scanId, String nis, String status, int pages) {
        return WebsiteScan.newBuilder().setScanId(scanId).setNisCode(nis).setStatus(status)
                .setReason("FAILED".equals(status) ? "UNREACHABLE" : null)
                .setStartedAt(T0).setCompletedAt("STARTED".equals(status) ? null : T0.plusSeconds(60)).setPagesFetched(pages).build();
    }
}
