package be.lokaalsignaal.serve;

import java.util.Map;

/** Dutch words for the scan outcomes in the report (the dashboard has the same ones in app.js). */
final class ScanOutcomes {
    private static final Map<String, String> DUTCH = Map.of(
            "OK", "volledig gescand",
            "NO_WEBSITE", "geen website bekend",
            "NOT_SCANNED_YET", "nog niet gescand",
            "IN_PROGRESS", "scan bezig",
            "INCOMPLETE", "scan onvolledig",
            "UNREACHABLE", "niet bereikbaar",
            "ROBOTS_DISALLOWED", "robots.txt verbiedt het",
            "INTERRUPTED", "scan onderbroken",
            "ERROR", "fout bij het scannen",
            "TIMEOUT", "time-out");

    private ScanOutcomes() {}

    static String dutch(String outcome) {
        return outcome == null ? null : DUTCH.getOrDefault(outcome, outcome);
    }
}
