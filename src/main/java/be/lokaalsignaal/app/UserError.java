package be.lokaalsignaal.app;

/**
 * A problem the user can fix (bad option value, port in use, unreachable service, unreadable file).
 * Reported as one line and exit code 2, without a stack trace.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
