package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Local TCP ports for the embedded services, all on the loopback address. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port that was free a moment ago. Another process may still take it before the service
     * binds it; that window is short and the service then fails with a message naming the port.
     */
    static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    static int freeOtherThan(int taken) {
        int port = free();
        while (port == taken) {
            port = free();
        }
        return port;
    }

    /**
     * Checks up front that a chosen port is free, because the services themselves report a taken
     * port late (the registry only in its log) or without naming it.
     */
    static int requireFree(int port, String service) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + service + ": port " + port + " on " + HOST
                    + " is already in use (choose another port, or 0 for a free one)", e);
        }
    }
}
