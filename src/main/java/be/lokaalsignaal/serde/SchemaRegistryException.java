package be.lokaalsignaal.serde;

/**
 * A registry call failed; the message names the registry, the request and the registry's answer.
 * A failure to reach the registry (no answer, or an answer saying it cannot serve now) is
 * {@linkplain #isUnavailable() transient}: the same call succeeds once the registry is back, so a
 * record that met it is not bad and must not be skipped.
 */
public class SchemaRegistryException extends RuntimeException {
    /** Confluent's error code: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code: the subject exists, but not with this schema. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;
    private final boolean unavailable;

    public SchemaRegistryException(String message, int status) {
        this(message, status, -1);
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        // 408 timeout, 429 too many requests, 5xx: the registry cannot answer now, it may later
        this.unavailable = status == 408 || status == 429 || status >= 500;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SchemaRegistryException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
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

    /** The registry's {@code error_code} (e.g. 40401, 40403, 409), or -1 when it gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry does not know the subject at all (as opposed to not knowing this schema under it). */
    public boolean subjectNotFound() {
        return errorCode == SUBJECT_NOT_FOUND;
    }

    /** True for any "not found" answer: no such subject, schema, version or id. */
    public boolean notFound() {
        return status == 404;
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
