package be.lokaalsignaal.serve;

/**
 * The stores cannot answer right now (restoring, rebalancing, not yet started). Temporary by
 * nature: the API answers 503 with a Retry-After header.
 */
public class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
