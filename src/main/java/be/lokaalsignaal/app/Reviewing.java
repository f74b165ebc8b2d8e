package be.lokaalsignaal.app;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.ScanScheduler;
import be.lokaalsignaal.serve.ReviewEndpoints;
import be.lokaalsignaal.serve.UptakeSource;
import be.lokaalsignaal.serve.reviews.PublishedReviews;
import be.lokaalsignaal.serve.reviews.ReviewLog;
import be.lokaalsignaal.serve.reviews.ReviewWriter;
import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.serve.reviews.ReviewersFileException;
import be.lokaalsignaal.serve.reviews.ScanOnDemand;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.TopicSerdes;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviews of an instance: the audit trail every instance follows, and with {@code --reviewers}
 * the write routes with the producer that stores reviews and the scheduler that publishes scans on
 * request. The routes are mounted when the HTTP server starts; what they write with is connected
 * once Kafka is.
 */
final class Reviewing {
    private static final Logger log = LoggerFactory.getLogger(Reviewing.class);

    private final Reviewers reviewers;
    private final ReviewEndpoints endpoints;
    private final AtomicReference<ReviewLog> reviewLog = new AtomicReference<>();
    private final AtomicReference<ReviewWriter> writer = new AtomicReference<>();
    private final AtomicReference<ScanOnDemand> scans = new AtomicReference<>();

    private Reviewing(Reviewers reviewers, UptakeSource source, Clock clock) {
        this.reviewers = reviewers;
        this.endpoints = reviewers == null
                ? ReviewEndpoints.readOnly(source, clock, reviewLog::get)
                : ReviewEndpoints.forReviewers(reviewers, source, clock, reviewLog::get, writer::get, scans::get);
    }

    /** Reads the reviewers file, if one is given: a file that does not read stops the start with one line. */
    static Reviewing configure(Settings settings, UptakeSource source, Clock clock) {
        if (settings.reviewers() == null) {
            return new Reviewing(null, source, clock);
        }
        try {
            Reviewers reviewers = Reviewers.load(settings.reviewers());
            if (reviewers.names().isEmpty()) {
                throw new UserError("--reviewers " + settings.reviewers() + ": no reviewer in the file; add one with 'lokaal-signaal add-reviewer'");
            }
            return new Reviewing(reviewers, source, clock);
        } catch (ReviewersFileException e) {
            throw new UserError("--reviewers " + e.getMessage(), e);
        }
    }

    ReviewEndpoints endpoints() {
        return endpoints;
    }

    /** Follows the reviews topic and, with reviewers, writes to it and publishes scans on request. */
    void connect(String bootstrap, TopicSerdes serdes, Publisher publisher, Consumer<Application.Part> started) {
        ReviewLog following = ReviewLog.following(bootstrap, serdes.config()).start();
        started.accept(new Application.Part("review log", following));
        reviewLog.set(following);
        if (reviewers != null) {
            writer.set(new PublishedReviews(publisher, following));
            log.info("reviews: {} reviewers may write ({})", reviewers.names().size(), reviewers.file());
        }
    }

    /** Scans on request go through the instance's scheduler, or one that only publishes requests when it runs no crawler. */
    void scansThrough(ScanScheduler scheduler, Publisher publisher, Register register, Clock clock) {
        if (reviewers != null) {
            ScanScheduler onRequest = scheduler != null ? scheduler
                    : new ScanScheduler(publisher, () -> register.inForceOn(java.time.LocalDate.now(clock)), clock);
            scans.set(new ScansOnRequest(onRequest, register, clock));
        }
    }
}
