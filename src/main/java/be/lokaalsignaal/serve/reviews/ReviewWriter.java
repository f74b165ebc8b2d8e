package be.lokaalsignaal.serve.reviews;

import be.lokaalsignaal.avro.Review;

/** Stores a review (or a new version of one) durably before the API answers. */
public interface ReviewWriter {
    /**
     * Returns once the review is stored; the review log then holds it.
     *
     * @throws NotStoredException when that cannot be confirmed; the review may still be stored, so the
     *     client repeats the request with the same review id, which replaces rather than duplicates it
     */
    void write(Review review) throws NotStoredException;

    /** The store did not confirm the review in time. */
    final class NotStoredException extends Exception {
        public NotStoredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
