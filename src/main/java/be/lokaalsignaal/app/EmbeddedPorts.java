package be.lokaalsignaal.app;

import be.lokaalsignaal.embedded.ServiceAddress;

/**
 * Ports of the embedded broker and schema registry in the all-in-one mode. Fixed by default, so that
 * a consumer's settings stay valid across restarts.
 *
 * @param kafka client port of the broker; 0 for any free port
 * @param registry HTTP port of the registry; 0 for any free port
 * @param freeIfTaken take a free port when a given one is in use, instead of refusing to start
 */
public record EmbeddedPorts(int kafka, int registry, boolean freeIfTaken) {
    /** Kafka's customary client port. */
    public static final int DEFAULT_KAFKA = 9092;
    /** Confluent Schema Registry's customary port (Apicurio's own, 8080, is the dashboard's). */
    public static final int DEFAULT_REGISTRY = 8081;

    public EmbeddedPorts {
        for (int port : new int[] {kafka, registry}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port number: " + port);
            }
        }
    }

    /** Any free ports, for tests and tools that never need the same address twice. */
    public static EmbeddedPorts anyFree() {
        return new EmbeddedPorts(0, 0, false);
    }

    public ServiceAddress kafka(String bindHost, String advertisedHost) {
        return new ServiceAddress(bindHost, kafka, advertisedHost, freeIfTaken);
    }

    public ServiceAddress registry(String bindHost, String advertisedHost) {
        return new ServiceAddress(bindHost, registry, advertisedHost, freeIfTaken);
    }
}
