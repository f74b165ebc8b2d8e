package be.lokaalsignaal.serve.reviews;

import java.util.Optional;

/** Asks the crawler workers for a new scan now, outside the schedule: of one municipality or of all. */
public interface ScanOnDemand {
    /** What was asked: the scan id and how many websites will be crawled (0 and no id: it has no known website). */
    record Requested(String scanId, int websites) {}

    /** A scan of the municipality's website; empty when no municipality in force has that code. */
    Optional<Requested> scanOne(String nisCode);

    /** A new round over every municipality in force. */
    Requested scanAll();
}
