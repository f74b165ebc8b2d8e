package be.lokaalsignaal.app;

import be.lokaalsignaal.topics.RegistryWait;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a stream thread of the topology that failed: it is replaced. When it failed
 * because the schema registry does not answer (the topology's handlers fail the task rather than
 * skip the record), the replacement waits first, a pause that grows while the outage lasts, so that
 * the thread is not rebuilt and its state restored again and again; the records it did not commit
 * are read again by its replacement.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);
    /** A failure this long after the previous one starts a new outage, with the shortest pause. */
    private static final Duration NEW_OUTAGE_AFTER = RegistryWait.MAX_PAUSE.multipliedBy(2);

    private final RegistryWait wait = new RegistryWait("the uptake topology");
    private long lastFailure;

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        long now = System.nanoTime();
        if (lastFailure != 0 && now - lastFailure > NEW_OUTAGE_AFTER.toNanos()) {
            wait.answered();
        }
        lastFailure = now;
        try {
            if (wait.pauseIfUnavailable(failure)) {
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        log.error("the uptake topology failed: {}; replacing its thread", failure.toString());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
