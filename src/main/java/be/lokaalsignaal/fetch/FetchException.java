package be.lokaalsignaal.fetch;

import java.io.IOException;

/** A request that got no usable response; the message says why in a few words. */
public final class FetchException extends IOException {

    private final boolean connectFailure;

    public FetchException(String message, boolean connectFailure, Throwable cause) {
        super(message, cause);
        this.connectFailure = connectFailure;
    }

    /** True when no connection was made at all: unknown or refused host, refused connection, connect timeout. */
    public boolean isConnectFailure() {
        return connectFailure;
    }
}
