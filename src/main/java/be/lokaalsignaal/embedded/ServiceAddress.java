package be.lokaalsignaal.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an embedded service listens and under which name other machines reach it.
 *
 * @param bindHost address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one interface's address
 * @param port the port to listen on; 0 for any free port
 * @param advertisedHost the host name clients are told to connect to
 * @param freePortIfTaken when the port is in use, take a free one instead of failing
 */
public record ServiceAddress(String bindHost, int port, String advertisedHost, boolean freePortIfTaken) {
    private static final Logger log = LoggerFactory.getLogger(ServiceAddress.class);

    public ServiceAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        if (bindHost == null || bindHost.isBlank() || advertisedHost == null || advertisedHost.isBlank()) {
            throw new IllegalArgumentException("A bind host and an advertised host are required");
        }
    }

    /** On 127.0.0.1 only, at the given port (0: a free one), as the tests and a single machine need. */
    public static ServiceAddress loopback(int port) {
        return new ServiceAddress(Ports.HOST, port, Ports.HOST, false);
    }

    /** True when only this machine can connect. */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The address this process itself connects to: the bound one, or 127.0.0.1 when bound to every interface. */
    String localHost() {
        try {
            InetAddress address = InetAddress.getByName(bindHost);
            return address.isAnyLocalAddress() ? Ports.HOST : bindHost;
        } catch (UnknownHostException e) {
            return bindHost;
        }
    }

    /**
     * Fails now, as {@link #choosePort} would, when the port is fixed, taken and no other may be chosen: for checking
     * before anything else is started.
     */
    public void requireFree(String service) {
        if (port != 0 && !freePortIfTaken && !Ports.isFree(bindHost, port)) {
            throw new PortInUseException(service, bindHost, port);
        }
    }

    /**
     * The port to bind: the given one when free, a free one for 0 or when asked to fall back.
     *
     * @throws PortInUseException when the port is in use and no fallback was asked for
     */
    int choosePort(String service) {
        if (port == 0) {
            return Ports.free(bindHost);
        }
        if (Ports.isFree(bindHost, port)) {
            return port;
        }
        if (freePortIfTaken) {
            int free = Ports.free(bindHost);
            log.info("port {} for {} is in use; {} listens on free port {} instead", port, service, service, free);
            return free;
        }
        throw new PortInUseException(service, bindHost, port);
    }
}
