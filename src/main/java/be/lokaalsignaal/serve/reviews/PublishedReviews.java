package be.lokaalsignaal.serve.reviews;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes reviews to the {@code reviews} topic through the instance's idempotent producer (acks from
 * every in-sync replica) and waits for the acknowledgement: a 201 means the review is in Kafka. One
 * review is one record, so it is stored whole or not at all. The record time is the review's time, or the withdrawal's.
 */
public final class PublishedReviews implements ReviewWriter {
    static final Duration ACK_WAIT = Duration.ofSeconds(15);

    private final Publisher publisher;
    private final ReviewLog log;

    public PublishedReviews(Publisher publisher, ReviewLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    @Override
    public void write(Review review) throws NotStoredException {
        try {
            Instant at = review.getWithdrawal() == null ? review.getReviewedAt() : review.getWithdrawal().getWithdrawnAt();
            RecordMetadata stored = publisher.publish(Topics.REVIEWS, review.getReviewId(), review, at)
                    .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            log.recorded(stored.offset(), review);
        } catch (TimeoutException e) {
            throw new NotStoredException("Kafka did not confirm the review within " + ACK_WAIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new NotStoredException("Kafka refused the review (" + e.getCause() + ")", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStoredException("interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            // the schema registry or the producer refused before sending
            throw new NotStoredException("the review could not be sent (" + e.getMessage() + ")", e);
        }
    }
}
