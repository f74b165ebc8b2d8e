package be.lokaalsignaal.scan.accuracy;

/** A corpus that cannot be read; the message names the file and the entry at fault. */
public final class CorpusException extends IllegalArgumentException {

    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
