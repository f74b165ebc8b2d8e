package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a scan round at start and every interval: one ScanRequest per municipality in force that
 * has a website, whatever the register's confidence in it (a low-confidence website that cannot be
 * reached makes the municipality "not scanned", which the record and the totals say); a
 * municipality without one gets a FAILED scan with reason NO_WEBSITE, so that the record says why
 * it was not scanned.
 */
public final class ScanScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanScheduler.class);
    private static final DateTimeFormatter ROUND_ID = DateTimeFormatter.ofPattern("'scan-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Publisher publisher;
    private final Supplier<List<Municipality>> municipalities;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-scheduler");
        t.setDaemon(true);
        return t;
    });

    public ScanScheduler(Publisher publisher, Supplier<List<Municipality>> municipalitiesInForce, Clock clock) {
        this.publisher = publisher;
        this.municipalities = municipalitiesInForce;
        this.clock = clock;
    }

    /** Schedules rounds every interval, the first one now or after one interval. */
    public void start(boolean initialScan, Duration interval) {
        long period = interval.toMillis();
        timer.scheduleAtFixedRate(this::safeRound, initialScan ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    private void safeRound() {
        try {
            startRound();
        } catch (RuntimeException e) {
            // a failed round must not cancel the schedule
            log.warn("could not start a scan round: {}", e.toString());
        }
    }

    /** Publishes one round now and returns its id. */
    public String startRound() {
        Instant now = clock.instant();
        String scanId = ROUND_ID.format(now);
        int requested = 0;
        int lowConfidence = 0;
        int withoutWebsite = 0;
        for (Municipality m : municipalities.get()) {
            if (m.getWebsite() == null || m.getWebsite().isBlank()) {
                withoutWebsite++;
                publisher.publish(Topics.WEBSITE_SCANS, m.getNisCode(), WebsiteScan.newBuilder()
                        .setScanId(scanId).setNisCode(m.getNisCode()).setStatus("FAILED").setReason("NO_WEBSITE")
                        .setMessage("no known website for " + m.getName())
                        .setStartedAt(now).setCompletedAt(now).build(), now);
            } else {
                requested++;
                if ("low".equals(m.getWebsiteConfidence())) {
                    lowConfidence++;
                }
                publisher.publish(Topics.SCAN_REQUESTS, m.getNisCode(), new ScanRequest(scanId, m.getNisCode(), m.getName(), m.getWebsite(), now), now);
            }
        }
        publisher.flush();
        log.info("scan round {} started: {} websites to crawl ({} of low confidence), {} municipalities without a known website",
                scanId, requested, lowConfidence, withoutWebsite);
        return scanId;
    }

    /** True for a municipality in force on the date. */
    public static boolean inForce(Municipality m, LocalDate date) {
        return (m.getValidFrom() == null || !date.isBefore(m.getValidFrom())) && (m.getValidUntil() == null || !date.isAfter(m.getValidUntil()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
