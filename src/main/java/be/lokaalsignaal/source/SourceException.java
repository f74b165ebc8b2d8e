package be.lokaalsignaal.source;

/** Thrown by a parser for input it cannot use; readers turn it into a {@link SourceError}. */
public class SourceException extends Exception {

    public SourceException(String reason) {
        super(reason);
    }

    public SourceException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public SourceError toError(String source) {
        return new SourceError(source, getMessage());
    }
}
