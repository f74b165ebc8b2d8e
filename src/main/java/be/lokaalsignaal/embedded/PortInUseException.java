package be.lokaalsignaal.embedded;

/** An embedded service cannot listen on its port: something else does already. */
public final class PortInUseException extends IllegalStateException {
    private final String service;
    private final String host;
    private final int port;

    PortInUseException(String service, String host, int port) {
        super("Cannot start " + service + ": port " + port + " on " + host + " is already in use (choose another port, or 0 for a free one)");
        this.service = service;
        this.host = host;
        this.port = port;
    }

    public String service() {
        return service;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
