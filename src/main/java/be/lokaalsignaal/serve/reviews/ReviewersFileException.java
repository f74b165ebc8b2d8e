package be.lokaalsignaal.serve.reviews;

/** The reviewers file, a name or a password cannot be used; the message names the file and line. */
public final class ReviewersFileException extends RuntimeException {
    public ReviewersFileException(String message) {
        super(message);
    }
}
