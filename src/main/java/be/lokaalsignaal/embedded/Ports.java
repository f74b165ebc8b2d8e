package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Local TCP ports for the embedded services. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port on the loopback address that was free a moment ago. Another process may still take it
     * before the service binds it; that window is short and the service then fails with a message
     * naming the port.
     */
    static int free() {
        return free(HOST);
    }

    /** A port on the given address that was free a moment ago. */
    static int free(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    static int freeOtherThan(int... taken) {
        while (true) {
            int port = free();
            if (java.util.Arrays.stream(taken).noneMatch(t -> t == port)) {
                return port;
            }
        }
    }

    /**
     * Whether a port can be bound now. Checked up front, because the services themselves report a
     * taken port late (the registry only in its log) or without naming it.
     */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
