package be.lokaalsignaal.serde;

/**
 * A registry call failed; the message names the registry, the request and the registry's answer.
 * A failure to reach the registry (no answer, or an answer saying it cannot serve now) is
 * {@linkplain #isUnavailable() transient}: the same call succeeds once the registry is back, so a
 * record that met it is not bad and must not be skipped.
 */
public class SchemaRegistryException extends RuntimeException {
    private final int status;
    private final boolean unavailable;

    public SchemaRegistryException(String message, int status) {
        super(message);
        this.status = status;
        // 408 timeout, 429 too many requests, 5xx: the registry cannot answer now, it may later
        this.unavailable = status == 408 || status == 429 || status >= 500;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SchemaRegistryException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.status = -1;
        this.unavailable = unavailable;
    }

    /** The registry did not answer at all (refused, reset, timed out). */
    public static SchemaRegistryException unreachable(String message, Throwable cause) {
        return new SchemaRegistryException(message, cause, true);
    }

    /** HTTP status of the registry's answer, or -1 when there was none. */
    public int status() {
        return status;
    }

    /** True when the registry could not be reached or could not serve: a transient fault, not a bad record. */
    public boolean isUnavailable() {
        return unavailable;
    }

    /** True when {@code failure} or one of its causes is a registry that is unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException e && e.isUnavailable()) {
                return true;
            }
        }
        return false;
    }
}
