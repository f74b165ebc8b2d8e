package be.lokaalsignaal.serve.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@link #MAX_FAILURES} wrong passwords for one name within
 * {@link #WINDOW}, that name is refused without checking until the oldest failure leaves the window.
 * Kept per name (not per address), so that guessing one reviewer's password from many addresses
 * gains nothing; the reviewer can still log in once the window has passed.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Names tracked at most, so that guesses at many invented names cannot fill the memory. */
    private static final int MAX_NAMES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the name must wait before it may try again; empty when it may try now. */
    public Optional<Duration> blockedFor(String name) {
        Deque<Instant> times = failures.get(name);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.pollFirst();
            }
            if (times.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    public void failed(String name) {
        if (failures.size() >= MAX_NAMES && !failures.containsKey(name)) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > MAX_FAILURES) {
                times.pollFirst();
            }
        }
    }

    public void succeeded(String name) {
        failures.remove(name);
    }
}
