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
    private Instant lastLog = Instant.EPOCH;
    private boolean loggedComplete;

    /** Progress of one municipality in the round. */
    public record MunicipalityProgress(String nisCode, String name, String status, int pages, String reason) {}

    /** The latest round; status NONE when no round was ever started. */
    public record Snapshot(String scanId, String status, Instant startedAt, Instant completedAt, int total, int done, int failed, int pages,
                           List<MunicipalityProgress> municipalities) {}

    private static final class Entry {
        final String nisCode;
        String name;
        String status = "PENDING";
        String reason;
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
            loggedComplete = false;
        }
        entries.putIfAbsent(request.getNisCode(), new Entry(request.getNisCode(), request.getName()));
        List<WebsiteScan> early = earlyScans.remove(currentRound + "/" + request.getNisCode());
        if (early != null) {
            early.forEach(this::onScan);
        }
    }

    synchronized void onScan(WebsiteScan scan) {
        if (scan == null) {
            return;
        }
        if ("NO_WEBSITE".equals(scan.getReason())) {
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
                entry.pages = scan.getPagesFetched();
                entry.endedAt = scan.getCompletedAt();
            }
            default -> { }
        }
    }

    public synchronized Snapshot snapshot() {
        if (currentRound == null) {
            return new Snapshot(null, "NONE", null, null, 0, 0, 0, 0, List.of());
        }
        int done = 0;
        int failed = 0;
        int pages = 0;
        Instant completedAt = null;
        List<MunicipalityProgress> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.endedAt != null) {
                done++;
                if ("FAILED".equals(e.status)) {
                    failed++;
                }
                completedAt = completedAt == null || e.endedAt.isAfter(completedAt) ? e.endedAt : completedAt;
            }
            pages += e.pages;
            list.add(new MunicipalityProgress(e.nisCode, e.name, e.status, e.pages, e.reason));
        }
        list.sort(Comparator.comparing(MunicipalityProgress::nisCode));
        boolean complete = done == entries.size();
        return new Snapshot(currentRound, complete ? "COMPLETE" : "RUNNING", roundStartedAt, complete ? completedAt : null,
                entries.size(), done, failed, pages, List.copyOf(list));
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
        } else if ("COMPLETE".equals(s.status()) && !loggedComplete) {
            synchronized (this) {
                loggedComplete = true;
            }
            log.info("scan {} complete: {} websites ({} failed), {} pages", s.scanId(), s.total(), s.failed(), s.pages());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
