package be.lokaalsignaal.serve;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Progress of one scan round over all municipal websites.
 *
 * @param status RUNNING while municipalities are still being scanned, COMPLETE when every one ended
 *     (completed or failed), NONE before the first round
 * @param startedAt start of the round; null for NONE
 * @param completedAt end of the round; null unless COMPLETE
 * @param total municipalities in the round
 * @param done municipalities whose scan ended, completed or failed
 * @param failed municipalities whose scan failed (counted in done as well)
 * @param pages pages and documents fetched in the round
 * @param perMunicipality one entry per municipality in the round
 */
public record ScanProgress(
        Status status,
        Instant startedAt,
        Instant completedAt,
        int total,
        int done,
        int failed,
        int pages,
        List<MunicipalityScan> perMunicipality) {

    public enum Status { RUNNING, COMPLETE, NONE }

    /**
     * @param status PENDING (requested, not started), STARTED, COMPLETED or FAILED
     */
    public record MunicipalityScan(String nisCode, String name, String status, int pages) {}

    public ScanProgress {
        Objects.requireNonNull(status, "status");
        perMunicipality = perMunicipality == null ? List.of() : List.copyOf(perMunicipality);
    }

    public static ScanProgress none() {
        return new ScanProgress(Status.NONE, null, null, 0, 0, 0, 0, List.of());
    }
}
