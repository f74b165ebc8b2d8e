package be.lokaalsignaal.topics;

import be.lokaalsignaal.serde.SchemaRegistryException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting for a schema registry that does not answer, for one worker (a producer, a consumer, a
 * stream thread): a failure that {@linkplain SchemaRegistryException#isUnavailable(Throwable) is
 * such an outage} is not a bad record, so the worker pauses and tries the same record again, with a
 * pause that doubles from half a second up to {@link #MAX_PAUSE}. The outage is logged once when it
 * starts and once when it ends. Not thread-safe: one per worker.
 */
public final class RegistryWait {
    private static final Logger log = LoggerFactory.getLogger(RegistryWait.class);

    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    public static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final String worker;
    private Duration pause = FIRST_PAUSE;
    private boolean waiting;

    public RegistryWait(String worker) {
        this.worker = worker;
    }

    /**
     * Pauses when {@code failure} is an unavailable registry and returns true (try again);
     * returns false at once for any other failure.
     *
     * @throws InterruptedException when the worker is stopped while it waits
     */
    public boolean pauseIfUnavailable(Throwable failure) throws InterruptedException {
        if (!SchemaRegistryException.isUnavailable(failure)) {
            return false;
        }
        if (!waiting) {
            waiting = true;
            log.warn("{} waits for the schema registry, which does not answer; nothing is skipped ({})", worker, message(failure));
        }
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        return true;
    }

    /** After a success: the next outage starts from the shortest pause again. */
    public void answered() {
        if (waiting) {
            log.info("{} goes on: the schema registry answers again", worker);
        }
        waiting = false;
        pause = FIRST_PAUSE;
    }

    /** The pause the next failure would wait. */
    public Duration nextPause() {
        return pause;
    }

    private static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException) {
                return t.getMessage();
            }
        }
        return failure.toString();
    }
}
