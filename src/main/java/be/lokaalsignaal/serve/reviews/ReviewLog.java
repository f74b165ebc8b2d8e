package be.lokaalsignaal.serve.reviews;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.serde.AvroDeserializer;
import be.lokaalsignaal.topics.TopicFollower;
import be.lokaalsignaal.topics.Topics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every review, as the {@code reviews} topic holds it, in this instance's memory: the audit trail and
 * the reviews a withdrawal starts from. Reviews are few (a team's verdicts), so every instance keeps
 * all of them. A review this instance wrote is taken in when Kafka acknowledged it, so the writer
 * reads it back at once; the follower's copy of the same record, read later, changes nothing, and an
 * older version never replaces a newer one (versions of one review share a key, so a partition, and
 * are ordered by offset).
 */
public final class ReviewLog implements AutoCloseable {
    private final Map<String, Version> reviews = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final TopicFollower follower;

    /** A version of a review: its offset in its partition, and when this log took in the review first. */
    private record Version(long offset, long arrival, Review review) {}

    private ReviewLog(TopicFollower follower) {
        this.follower = follower;
    }

    /** A log that follows the topic from its beginning. */
    public static ReviewLog following(String bootstrapServers, Map<String, ?> serdeConfig) {
        AvroDeserializer<Review> deserializer = new AvroDeserializer<>(Review.class, serdeConfig, false);
        ReviewLog[] self = new ReviewLog[1];
        TopicFollower follower = new TopicFollower("mirror-" + Topics.REVIEWS.topicName(), bootstrapServers,
                List.of(Topics.REVIEWS.topicName()), record -> {
                    if (record.key() != null && record.value() != null) {
                        self[0].recorded(record.offset(), deserializer.deserialize(record.topic(), record.value()));
                    }
                }, () -> { });
        self[0] = new ReviewLog(follower);
        return self[0];
    }

    /** A log fed only through {@link #recorded}: for tests of the HTTP layer. */
    public static ReviewLog inMemory() {
        return new ReviewLog(null);
    }

    public ReviewLog start() {
        if (follower != null) {
            follower.start();
        }
        return this;
    }

    /** Takes in a version of a review stored at the offset (of its key's partition). */
    public void recorded(long offset, Review review) {
        reviews.merge(review.getReviewId(), new Version(offset, arrivals.incrementAndGet(), review),
                (old, now) -> now.offset() >= old.offset() ? new Version(now.offset(), old.arrival(), now.review()) : old);
    }

    public Optional<Review> byId(String reviewId) {
        Version v = reviewId == null ? null : reviews.get(reviewId);
        return v == null ? Optional.empty() : Optional.of(v.review());
    }

    /** Every review, the newest first (by reviewedAt; made in the same millisecond: the one taken in last first). */
    public List<Review> all() {
        return reviews.values().stream()
                .sorted(Comparator.comparing((Version v) -> v.review().getReviewedAt()).thenComparingLong(Version::arrival).reversed())
                .map(Version::review)
                .toList();
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
    }
}
