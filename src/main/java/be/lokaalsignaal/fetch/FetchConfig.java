package be.lokaalsignaal.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Fetcher} reaches the web, the same for the crawler and the newsletter feed.
 *
 * @param userAgent         sent with every request: the honest identity with a contact URL
 * @param timeout           connect timeout, and the hard deadline for one whole response
 * @param allowPrivateHosts allow hosts resolving to loopback, private, link-local or multicast addresses
 * @param resolve           host to IP overrides (like curl --resolve); consulted before DNS
 * @param maxConnections    connections kept open at once
 */
public record FetchConfig(String userAgent, Duration timeout, boolean allowPrivateHosts, Map<String, String> resolve,
                          int maxConnections) {

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
    }
}
