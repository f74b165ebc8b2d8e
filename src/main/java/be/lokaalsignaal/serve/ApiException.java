package be.lokaalsignaal.serve;

/** A request the API refuses, with the status and the message the client sees. */
final class ApiException extends RuntimeException {
    private final int status;

    private ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    int status() {
        return status;
    }

    /** Any other refusal: 401, 403, 409, 415, 429 with a message that says what to do. */
    static ApiException withStatus(int status, String message) {
        return new ApiException(status, message);
    }
}
