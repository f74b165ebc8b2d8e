package be.lokaalsignaal.serve;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * Progress of one scan round over all municipal websites.
 *
 * @param scanId id of the round; null for NONE
 * @param status RUNNING while municipalities are still being scanned, COMPLETE when every one ended
 *     (completed or failed), NONE before the first round
 * @param startedAt start of the round; null for NONE
 * @param completedAt end of the round; null unless COMPLETE
 * @param total websites requested in the round (one per municipality with a website)
 * @param done websites whose scan ended, completed or failed
 * @param failed websites whose scan failed (counted in done as well)
 * @param withoutWebsite municipalities in force left out of the round for want of a website
 * @param pages pages and documents fetched in the round
 * @param failuresByReason the failed scans by reason (UNREACHABLE, ROBOTS_DISALLOWED, ...)
 * @param perMunicipality one entry per website requested in the round
 */
public record ScanProgress(
        String scanId,
        Status status,
        Instant startedAt,
        Instant completedAt,
        int total,
        int done,
        int failed,
        int withoutWebsite,
        int pages,
        Map<String, Integer> failuresByReason,
        List<MunicipalityScan> perMunicipality) {

    public enum Status { RUNNING, COMPLETE, NONE }

    /**
     * @param website the start URL crawled
     * @param status PENDING (requested, not started), STARTED, COMPLETED or FAILED
     * @param reason for FAILED: UNREACHABLE, ROBOTS_DISALLOWED, INTERRUPTED, ERROR, ...; else null
     * @param message for FAILED: what went wrong, in words; else null
     */
    public record MunicipalityScan(String nisCode, String name, String website, String status, String reason, String message, int pages) {}

    public ScanProgress {
        Objects.requireNonNull(status, "status");
        failuresByReason = failuresByReason == null ? Map.of() : new TreeMap<>(failuresByReason);
        perMunicipality = perMunicipality == null ? List.of() : List.copyOf(perMunicipality);
    }

    public static ScanProgress none() {
        return new ScanProgress(null, Status.NONE, null, null, 0, 0, 0, 0, 0, Map.of(), List.of());
    }
}
