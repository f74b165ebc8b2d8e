package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.topics.TopicFollower;
import be.lokaalsignaal.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the latest scan round from the scan-requests and website-scans topics, in every instance
 * (it reads all partitions, outside any consumer group), so any instance can report progress; logs
 * the progress every few seconds while a round runs.
 */
public final class ScanProgressTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanProgressTracker.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final TopicFollower follower;

    // guarded by this
    private String currentRound;
    private Instant roundStartedAt;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, List<WebsiteScan>> earlyScans = new HashMap<>();
    /** Per round, the municipalities the scheduler found without a website (FAILED NO_WEBSITE, never requested). */
    private final Map<String, java.util.Set<String>> withoutWebsite = new HashMap<>();
    private Instant lastLog = Instant.EPOCH;
    private boolean loggedComplete;

    /** Progress of one municipality in the round; reason and message tell why a scan failed. */
    public record MunicipalityProgress(String nisCode, String name, String website, String status, int pages, String reason, String message) {}

    /**
     * The latest round; status NONE when no round was ever started. {@code total} counts the
     * websites requested; {@code withoutWebsite} the municipalities left out for want of one.
     */
    public record Snapshot(String scanId, String status, Instant startedAt, Instant completedAt, int total, int done, int failed,
                           int withoutWebsite, int pages, Map<String, Integer> failuresByReason, List<MunicipalityProgress> municipalities) {}

    private static final class Entry {
        final String nisCode;
        String name;
        String website;
        String status = "PENDING";
        String reason;
        String message;
        int pages;
        Instant endedAt;

        Entry(String nisCode, String name) {
            this.nisCode = nisCode;
            this.name = name;
        }
    }

    public ScanProgressTracker(String bootstrapServers, Map<String, ?> serdeConfig) {
        AvroDeserializer<ScanRequest> requests = new AvroDeserializer<>(ScanRequest.class, serdeConfig, false);
        AvroDeserializer<WebsiteScan> scans = new AvroDeserializer<>(WebsiteScan.class, serdeConfig, false);
        this.follower = new TopicFollower("scan-progress", bootstrapServers,
                List.of(Topics.SCAN_REQUESTS.topicName(), Topics.WEBSITE_SCANS.topicName()), record -> {
                    if (record.topic().equals(Topics.SCAN_REQUESTS.topicName())) {
                        onRequest(requests.deserialize(record.topic(), record.value()));
                    } else {
                        onScan(scans.deserialize(record.topic(), record.value()));
                    }
                }, this::logProgress);
    }

    public ScanProgressTracker start() {
        follower.start();
        return this;
    }

    synchronized void onRequest(ScanRequest request) {
        if (request == null) {
            return;
        }
        if (!request.getScanId().equals(currentRound)) {
            if (currentRound != null && request.getScanId().compareTo(currentRound) < 0) {
                return;
            }
            currentRound = request.getScanId();
            roundStartedAt = request.getRequestedAt();
            entries.clear();
            withoutWebsite.keySet().removeIf(round -> round.compareTo(currentRound) < 0);
            loggedComplete = false;
        }
        entries.computeIfAbsent(request.getNisCode(), nis -> new Entry(nis, request.getName())).website = request.getStartUrl();
        List<WebsiteScan> early = earlyScans.remove(currentRound + "/" + request.getNisCode());
        if (early != null) {
            early.forEach(this::onScan);
        }
    }

    synchronized void onScan(WebsiteScan scan) {
        if (scan == null) {
            return;
        }
        if ("NO_WEBSITE".equals(scan.getReason()) && !entries.containsKey(scan.getNisCode())) {
            if (currentRound == null || scan.getScanId().compareTo(currentRound) >= 0) {
                withoutWebsite.computeIfAbsent(scan.getScanId(), k -> new java.util.TreeSet<>()).add(scan.getNisCode());
            }
            return;
        }
        if (currentRound == null || scan.getScanId().compareTo(currentRound) > 0) {
            // the scans topic can be read ahead of the requests topic
            earlyScans.computeIfAbsent(scan.getScanId() + "/" + scan.getNisCode(), k -> new ArrayList<>()).add(scan);
            return;
        }
        Entry entry = entries.get(scan.getNisCode());
        if (entry == null || !scan.getScanId().equals(currentRound)) {
            return;
        }
        switch (scan.getStatus()) {
            case "STARTED" -> {
                if (entry.endedAt == null) {
                    entry.status = "STARTED";
                }
            }
            case "COMPLETED", "FAILED" -> {
                entry.status = scan.getStatus();
                entry.reason = scan.getReason();
                entry.message = scan.getMessage();
                entry.pages = scan.getPagesFetched();
                entry.endedAt = scan.getCompletedAt();
            }
            default -> { }
        }
    }

    public synchronized Snapshot snapshot() {
        if (currentRound == null) {
            return new Snapshot(null, "NONE", null, null, 0, 0, 0, 0, 0, Map.of(), List.of());
        }
        int done = 0;
        int failed = 0;
        int pages = 0;
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        Instant completedAt = null;
        List<MunicipalityProgress> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.endedAt != null) {
                done++;
                if ("FAILED".equals(e.status)) {
                    failed++;
                    reasons.merge(e.reason == null ? "FAILED" : e.reason, 1, Integer::sum);
                }
                completedAt = completedAt == null || e.endedAt.isAfter(completedAt) ? e.endedAt : completedAt;
            }
            pages += e.pages;
            list.add(new MunicipalityProgress(e.nisCode, e.name, e.website, e.status, e.pages, e.reason, e.message));
        }
        list.sort(Comparator.comparing(MunicipalityProgress::nisCode));
        boolean complete = done == entries.size();
        int noWebsite = withoutWebsite.getOrDefault(currentRound, java.util.Set.of()).size();
        return new Snapshot(currentRound, complete ? "COMPLETE" : "RUNNING", roundStartedAt, complete ? completedAt : null,
                entries.size(), done, failed, noWebsite, pages, Map.copyOf(reasons), List.copyOf(list));
    }

    private void logProgress() {
        Instant now = Instant.now();
        if (Duration.between(lastLog, now).compareTo(LOG_EVERY) < 0) {
            return;
        }
        Snapshot s = snapshot();
        if ("RUNNING".equals(s.status())) {
            lastLog = now;
            log.info("scan {}: {}/{} websites done ({} failed), {} pages", s.scanId(), s.done(), s.total(), s.failed(), s.pages());
        } else if ("COMPLETE".equals(s.status()) && firstToLogCompletion()) {
            if (s.total() > 0 && s.failed() == s.total()) {
                log.warn("scan {} complete: every one of the {} websites failed ({}); no municipality was scanned in this round",
                        s.scanId(), s.total(), s.failuresByReason());
            } else {
                log.info("scan {} complete: {} websites ({} failed: {}), {} pages", s.scanId(), s.total(), s.failed(), s.failuresByReason(), s.pages());
            }
        }
    }

    /** Whether the caller is the first to log the round's completion: it is logged once, whoever calls. */
    private synchronized boolean firstToLogCompletion() {
        if (loggedComplete) {
            return false;
        }
        loggedComplete = true;
        return true;
    }

    @Override
    public void close() {
        follower.close();
    }
}
