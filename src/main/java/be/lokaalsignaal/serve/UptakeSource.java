package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP layer reads: the materialized views of the topology. Implemented on the Kafka
 * Streams stores (interactive queries); the HTTP layer never touches Kafka itself.
 *
 * <p>Every method may throw {@link StoreUnavailableException} while the stores restore or
 * rebalance; the API then answers 503 with Retry-After. A {@code null} date means today
 * (Europe/Brussels). Returned lists may be in any order; the API sorts them.
 */
public interface UptakeSource {

    /**
     * The municipalities in force on the date (300 before 2025-01-01, 285 from then), each as it
     * stood at the end of that date: signals, periods and evidence after the date are cut away.
     * The history of a municipality merged away in 2025 counts for its successor.
     */
    List<MunicipalityUptake> municipalities(LocalDate asOf) throws StoreUnavailableException;

    /**
     * One municipality as it stood at the end of the date; empty when the NIS code is unknown to
     * the register. A municipality not in force on that date is still returned: its validFrom,
     * validUntil and successor tell.
     */
    Optional<MunicipalityUptake> municipality(String nisCode, LocalDate asOf) throws StoreUnavailableException;

    /** Every newsletter call with its attribution counts, as of now. */
    List<CallUptake> calls() throws StoreUnavailableException;

    /** Every newsletter issue known (timeline markers, channels of practices). */
    List<NewsletterIssue> newsletterIssues() throws StoreUnavailableException;

    /** Every learning-network session known (timeline markers, channels of practices). */
    List<LearningNetworkSession> sessions() throws StoreUnavailableException;

    /** Progress of the most recent scan round; {@link ScanProgress#none()} before the first. */
    ScanProgress latestScan() throws StoreUnavailableException;
}
