package be.lokaalsignaal.serve;

import be.lokaalsignaal.serve.reviews.LoginThrottle;
import be.lokaalsignaal.serve.reviews.LoginTokens;
import be.lokaalsignaal.serve.reviews.ReviewLog;
import be.lokaalsignaal.serve.reviews.ReviewWriter;
import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.serve.reviews.ScanOnDemand;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The routes of reviews and scans on demand, mounted on the HTTP server (see {@link #mount}). The
 * audit trail {@code GET /api/reviews} is always there; the write routes (login, reviews, scans)
 * exist only when reviewers are configured: without them the API has no write endpoint at all.
 *
 * <p>The log, the writer and the scanner are given as suppliers because the server starts before
 * Kafka is connected: until they are there, the routes answer 503.
 */
public final class ReviewEndpoints {
    /** Paths that answer whatever the configuration. */
    public static final List<String> READ_PATHS = List.of(ReviewRoutes.PATH, ReviewRoutes.ONE);
    /** Paths that exist only with reviewers. */
    public static final List<String> WRITE_PATHS = List.of(LoginRoutes.LOGIN, LoginRoutes.LOGOUT, ReviewRoutes.PATH, ReviewRoutes.ONE, ScanRoutes.PATH);

    private final ReviewRoutes reviews;
    private final LoginRoutes login;
    private final ScanRoutes scans;

    private ReviewEndpoints(ReviewRoutes reviews, LoginRoutes login, ScanRoutes scans) {
        this.reviews = reviews;
        this.login = login;
        this.scans = scans;
    }

    /** Only the audit trail: no reviewers configured. */
    public static ReviewEndpoints readOnly(UptakeSource source, Clock clock, Supplier<ReviewLog> log) {
        return new ReviewEndpoints(new ReviewRoutes(source, clock, log, () -> null, null), null, null);
    }

    /** The audit trail and the write routes for the reviewers of the file. */
    public static ReviewEndpoints forReviewers(Reviewers reviewers, UptakeSource source, Clock clock, Supplier<ReviewLog> log,
            Supplier<ReviewWriter> writer, Supplier<ScanOnDemand> scanner) {
        LoginTokens tokens = new LoginTokens(clock);
        WriteGuard guard = new WriteGuard(reviewers, tokens, new LoginThrottle(clock));
        return new ReviewEndpoints(new ReviewRoutes(source, clock, log, writer, guard), new LoginRoutes(guard, tokens),
                new ScanRoutes(source, clock, scanner, guard));
    }

    public boolean writable() {
        return login != null;
    }

    /** Adds the routes; give it to the server's configuration: {@code config.router.mount(endpoints::mount)}. */
    public void mount(JavalinDefaultRouting routes) {
        routes.get(ReviewRoutes.PATH, reviews::list);
        routes.get(ReviewRoutes.ONE, reviews::one);
        if (writable()) {
            routes.post(LoginRoutes.LOGIN, login::login);
            routes.post(LoginRoutes.LOGOUT, login::logout);
            routes.post(ReviewRoutes.PATH, reviews::create);
            routes.delete(ReviewRoutes.ONE, reviews::withdraw);
            routes.post(ScanRoutes.PATH, scans::request);
        }
    }
}
