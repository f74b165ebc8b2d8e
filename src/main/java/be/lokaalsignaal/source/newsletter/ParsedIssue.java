package be.lokaalsignaal.source.newsletter;

import java.time.LocalDate;
import java.util.List;

/** An issue as read from its source, before ids, hashes and detections. */
record ParsedIssue(String title, LocalDate date, String provenance, List<RawItem> items) {

    record RawItem(String heading, String text, List<String> links) {
    }
}
