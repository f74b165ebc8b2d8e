package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.ReviewWithdrawal;
import be.lokaalsignaal.serve.reviews.ReviewLog;
import be.lokaalsignaal.serve.reviews.ReviewWriter;
import be.lokaalsignaal.topics.SignalKind;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/reviews}: the audit trail (read by anyone, like the rest of the API), and with
 * reviewers configured, a review made ({@code POST}) or withdrawn with a reason ({@code DELETE}).
 * A review is answered 201 only once Kafka has acknowledged it; a request repeated with the same
 * {@code reviewId} and the same content answers 200 with the stored review and writes nothing.
 */
final class ReviewRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewRoutes.class);
    static final String PATH = "/api/reviews";
    static final String ONE = "/api/reviews/{id}";

    private final UptakeSource source;
    private final Clock clock;
    private final Supplier<ReviewLog> reviews;
    private final Supplier<ReviewWriter> writer;
    private final WriteGuard guard;

    ReviewRoutes(UptakeSource source, Clock clock, Supplier<ReviewLog> reviews, Supplier<ReviewWriter> writer, WriteGuard guard) {
        this.source = source;
        this.clock = clock;
        this.reviews = reviews;
        this.writer = writer;
        this.guard = guard;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Timeline.ZONE));
    }

    private ReviewLog log() throws StoreUnavailableException {
        ReviewLog log = reviews.get();
        if (log == null) {
            throw new StoreUnavailableException("the reviews are not connected yet");
        }
        return log;
    }

    /** {@code GET /api/reviews?nis=&kind=&reviewer=&format=}: every review, newest first. */
    void list(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("nis", "kind", "reviewer", "format"));
        String nis = q.get("nis") == null ? null : Query.nisCode(q.get("nis"));
        SignalKind kind = q.kind("kind", EnumSet.allOf(SignalKind.class));
        String reviewer = q.get("reviewer");
        Query.Format format = q.format();
        List<Review> all = log().all();
        Map<String, String> statuses = ReviewViews.statuses(all, today());
        List<Review> selected = all.stream()
                .filter(r -> nis == null || nis.equals(r.getNisCode()))
                .filter(r -> kind == null || kind.name().equals(r.getKind()))
                .filter(r -> reviewer == null || reviewer.equals(r.getReviewer()))
                .toList();
        if (format == Query.Format.JSON) {
            ctx.json(selected.stream().map(r -> ReviewViews.review(r, statuses.get(r.getReviewId()))).toList());
        } else {
            Downloads.send(ctx, "reviews-" + today(), new Table("Beoordelingen", ReviewViews.CSV_HEADER,
                    selected.stream().map(r -> ReviewViews.csvRow(r, statuses.get(r.getReviewId()))).toList()), format);
        }
    }

    /** {@code GET /api/reviews/{id}}. */
    void one(Context ctx) throws StoreUnavailableException {
        Query.of(ctx.queryParamMap(), Set.of());
        Review review = find(ctx.pathParam("id"));
        ctx.json(view(review));
    }

    private Review find(String id) throws StoreUnavailableException {
        return log().byId(id).orElseThrow(() -> ApiException.notFound("no review with id " + id));
    }

    private Map<String, Object> view(Review review) throws StoreUnavailableException {
        return ReviewViews.review(review, ReviewViews.statuses(log().all(), today()).get(review.getReviewId()));
    }

    /** {@code POST /api/reviews}: 201 with the review once stored. */
    void create(Context ctx) throws StoreUnavailableException {
        String reviewer = guard.reviewer(ctx);
        Query.of(ctx.queryParamMap(), Set.of());
        ReviewLog log = log();
        Review review = ReviewInput.read(ctx.body(), source, reviewer, clock.instant(), today());
        Review existing = log.byId(review.getReviewId()).orElse(null);
        if (existing != null) {
            if (!sameContent(existing, review)) {
                throw ApiException.withStatus(409, "review " + review.getReviewId() + " exists with other content; a review is never changed: withdraw it and make a new one");
            }
            ctx.status(200).json(view(existing));
            return;
        }
        store(review);
        LOG.info("review {} by {}: {} {} of {} ({})", review.getReviewId(), reviewer, review.getVerdict(), review.getKind(), review.getNisCode(),
                review.getUrl() != null ? review.getUrl() : review.getSourceId());
        ctx.header("Location", PATH + "/" + review.getReviewId());
        ctx.status(201).json(view(review));
    }

    /** {@code DELETE /api/reviews/{id}} with {@code {"reason": "..."}}: the review withdrawn, kept with who, when and why. */
    void withdraw(Context ctx) throws StoreUnavailableException {
        String reviewer = guard.reviewer(ctx);
        Query.of(ctx.queryParamMap(), Set.of());
        String reason = JsonBody.parse(ctx.body(), Set.of("reason")).text("reason", true, ReviewInput.MAX_REASON);
        Review review = find(ctx.pathParam("id"));
        ReviewWithdrawal done = review.getWithdrawal();
        if (done != null) {
            throw ApiException.withStatus(409, "review " + review.getReviewId() + " was already withdrawn by " + done.getWithdrawnBy() + " at "
                    + done.getWithdrawnAt());
        }
        Review withdrawn = Review.newBuilder(review)
                .setWithdrawal(new ReviewWithdrawal(reviewer, clock.instant(), reason))
                .build();
        store(withdrawn);
        LOG.info("review {} withdrawn by {}", review.getReviewId(), reviewer);
        ctx.status(200).json(view(withdrawn));
    }

    private void store(Review review) {
        ReviewWriter w = writer.get();
        if (w == null) {
            ctx503("the reviews cannot be stored yet: this instance is still connecting to Kafka");
        }
        try {
            w.write(review);
        } catch (ReviewWriter.NotStoredException e) {
            LOG.warn("review {} not confirmed as stored: {}", review.getReviewId(), e.getMessage());
            ctx503("the review was not confirmed as stored (" + e.getMessage() + "); repeat the request with \"reviewId\": \""
                    + review.getReviewId() + "\", which stores it at most once");
        }
    }

    private static void ctx503(String message) {
        throw ApiException.withStatus(503, message);
    }

    /** Equal but for the time and the id's case: a repeated request. */
    private static boolean sameContent(Review a, Review b) {
        return a.getWithdrawal() == null
                && a.getNisCode().equals(b.getNisCode()) && a.getKind().equals(b.getKind()) && a.getVerdict().equals(b.getVerdict())
                && Objects.equals(a.getUrl(), b.getUrl()) && Objects.equals(a.getSourceId(), b.getSourceId())
                && Objects.equals(a.getContentHash(), b.getContentHash()) && Objects.equals(a.getDate(), b.getDate())
                && Objects.equals(a.getSnippet(), b.getSnippet()) && Objects.equals(a.getReason(), b.getReason())
                && a.getReviewer().equals(b.getReviewer()) && Objects.equals(a.getExpiresOn(), b.getExpiresOn());
    }
}
