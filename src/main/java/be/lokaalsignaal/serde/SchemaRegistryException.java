package be.lokaalsignaal.serde;

/** A registry call failed; the message names the registry, the request and the registry's answer. */
public class SchemaRegistryException extends RuntimeException {
    private final int status;

    public SchemaRegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** HTTP status of the registry's answer, or -1 when there was none. */
    public int status() {
        return status;
    }
}
