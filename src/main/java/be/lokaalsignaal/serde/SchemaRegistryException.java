package be.lokaalsignaal.serde;

/** A registry call failed; the message names the registry, the request and the registry's answer. */
public class SchemaRegistryException extends RuntimeException {
    /** Confluent's error code: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code: the subject exists, but not with this schema. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status) {
        this(message, status, -1);
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
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
}
