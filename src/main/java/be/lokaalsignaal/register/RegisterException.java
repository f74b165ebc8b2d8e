package be.lokaalsignaal.register;

/** A register file that cannot be used at all (missing, unreadable, no usable header). */
public class RegisterException extends RuntimeException {

    public RegisterException(String message) {
        super(message);
    }

    public RegisterException(String message, Throwable cause) {
        super(message, cause);
    }
}
