package be.lokaalsignaal.scan.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host, shared by all crawls of a pool: requests to one host are spaced by its delay,
 * whichever site crawl makes them, while different hosts proceed in parallel.
 */
public final class HostThrottle {

    private final Map<String, Long> nextSlot = new HashMap<>();

    /** Blocks until the host may be asked again, and books the slot after that. */
    public void await(String host, Duration delay) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            Long next = nextSlot.get(host);
            long slot = next == null || next - now < 0 ? now : next;
            nextSlot.put(host, slot + delay.toNanos());
            waitNanos = slot - now;
            if (nextSlot.size() > 10_000) {
                nextSlot.values().removeIf(t -> t - now < 0);
            }
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
