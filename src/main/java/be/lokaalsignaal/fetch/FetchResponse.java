package be.lokaalsignaal.fetch;

/**
 * One HTTP response, its body read up to the byte limit.
 *
 * @param url         URL requested
 * @param status      HTTP status
 * @param contentType Content-Type header as sent, or null
 * @param location    Location header, or null
 * @param body        bytes read; only the first {@code length} are valid
 * @param truncated   true when the body was longer than the limit and the rest was not read
 */
public record FetchResponse(String url, int status, String contentType, String location, byte[] body, int length,
                            boolean truncated) {

    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
