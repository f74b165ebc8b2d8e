package be.lokaalsignaal.serve;

import be.lokaalsignaal.serve.reviews.ScanOnDemand;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/scans} with {@code {"nisCode": "11002"}} or {@code {"all": true}}: a reviewer asks
 * for a new scan now, e.g. after a municipality says it added the link. The request goes to the
 * crawler workers like a scheduled one (202: asked, not done; {@code GET /api/scans/latest} and the
 * record's {@code lastScan} follow it). A municipality's websites are spared: one municipality is
 * scanned at most once per {@link #ONE_AGAIN_AFTER} on request, and no new round starts while one runs.
 */
final class ScanRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRoutes.class);
    static final String PATH = "/api/scans";
    static final Duration ONE_AGAIN_AFTER = Duration.ofMinutes(10);

    private final UptakeSource source;
    private final Clock clock;
    private final Supplier<ScanOnDemand> scans;
    private final WriteGuard guard;
    private final Map<String, Instant> lastAsked = new ConcurrentHashMap<>();

    ScanRoutes(UptakeSource source, Clock clock, Supplier<ScanOnDemand> scans, WriteGuard guard) {
        this.source = source;
        this.clock = clock;
        this.scans = scans;
        this.guard = guard;
    }

    void request(Context ctx) throws StoreUnavailableException {
        String reviewer = guard.reviewer(ctx);
        Query.of(ctx.queryParamMap(), Set.of());
        JsonBody body = JsonBody.parse(ctx.body(), Set.of("nisCode", "all"));
        boolean all = body.bool("all");
        String nis = body.text("nisCode", false, 5);
        if (all == (nis != null)) {
            throw ApiException.badRequest("give either field 'nisCode' (one municipality) or field 'all': true (every municipality)");
        }
        ScanOnDemand scanner = scans.get();
        if (scanner == null) {
            throw ApiException.withStatus(503, "scans cannot be asked for yet: this instance is still connecting to Kafka");
        }
        ScanOnDemand.Requested requested;
        if (all) {
            ScanProgress latest = source.latestScan();
            if (latest.status() == ScanProgress.Status.RUNNING) {
                throw ApiException.withStatus(409, "a scan round is running (started " + latest.startedAt() + ", " + latest.done() + " of "
                        + latest.total() + " websites done); ask again when it has ended");
            }
            requested = scanner.scanAll();
        } else {
            if (!nis.matches("\\d{5}")) {
                throw ApiException.badRequest("field 'nisCode': '" + nis + "' is malformed; expected 5 digits");
            }
            Instant now = clock.instant();
            Instant before = lastAsked.get(nis);
            if (before != null && before.plus(ONE_AGAIN_AFTER).isAfter(now)) {
                long wait = Math.max(1, Duration.between(now, before.plus(ONE_AGAIN_AFTER)).toSeconds());
                ctx.header("Retry-After", String.valueOf(wait));
                throw ApiException.withStatus(429, "a scan of " + nis + " was asked for at " + before + "; ask again in " + wait + " s");
            }
            requested = scanner.scanOne(nis)
                    .orElseThrow(() -> ApiException.badRequest("field 'nisCode': no municipality in force with NIS code " + nis));
            if (requested.websites() == 0) {
                throw ApiException.badRequest("field 'nisCode': " + nis + " has no known website to scan");
            }
            lastAsked.put(nis, now);
        }
        LOG.info("scan {} asked for by {}: {} websites", requested.scanId(), reviewer, requested.websites());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scanId", requested.scanId());
        out.put("websites", requested.websites());
        out.put("requestedBy", reviewer);
        ctx.status(202).json(out);
    }
}
