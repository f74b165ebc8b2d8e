package be.lokaalsignaal.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker ends the JVM at once on a fault it cannot survive, most often a full disk
 * (every log directory failed): {@code Exit.halt}, which runs no shutdown hook. Kafka lets the
 * embedding application replace that procedure; this one stops the other parts in order (HTTP,
 * Streams, clients, registry), says in one line on stderr what happened, and then ends the process
 * with a code of its own: {@value #EXIT_DISK_FULL} for a full disk, {@value #EXIT_BROKER_FAILED}
 * for another fatal fault of the broker.
 */
final class BrokerHalt {
    private static final Logger log = LoggerFactory.getLogger(BrokerHalt.class);

    /** Exit code when the disk of the data directory is full. */
    static final int EXIT_DISK_FULL = 3;
    /** Exit code when the embedded broker stopped on another fatal fault. */
    static final int EXIT_BROKER_FAILED = 4;
    /** Below this the disk counts as full: Kafka needs room for a new segment and its indexes. */
    static final long FULL_BELOW_BYTES = 64L * 1024 * 1024;
    /** The ordered stop may take this long; the process ends after it in any case. */
    static final Duration STOP_BOUND = Duration.ofSeconds(60);

    private static final AtomicBoolean halting = new AtomicBoolean();

    private BrokerHalt() {}

    /**
     * Routes Kafka's exit and halt to an ordered stop of the application.
     *
     * @param stop stops the parts of the application in order; the broker is left as it is
     */
    static void install(Path dataDir, Runnable stop) {
        Exit.setHaltProcedure((code, message) -> halt(dataDir, stop, code, message));
        Exit.setExitProcedure((code, message) -> halt(dataDir, stop, code, message));
    }

    /** Back to Kafka's own procedures, for an application that stopped normally. */
    static void uninstall() {
        Exit.resetHaltProcedure();
        Exit.resetExitProcedure();
    }

    private static void halt(Path dataDir, Runnable stop, int code, String message) {
        if (!halting.compareAndSet(false, true)) {
            // another thread is stopping the application already; this one waits for the end
            sleepForever();
        }
        long free = freeBytes(dataDir);
        boolean full = free >= 0 && free < FULL_BELOW_BYTES;
        String line = explain(dataDir, code, message, free);
        log.error("the embedded Kafka broker halts the process ({}); stopping the other parts in order first",
                full ? "the disk is full" : "code " + code);
        Thread stopper = new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                log.warn("the ordered stop failed: {}", e.toString());
            }
        }, "broker-halt-stop");
        stopper.start();
        try {
            stopper.join(STOP_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PrintStream err = System.err;
        err.println("lokaal-signaal: " + line);
        err.flush();
        Runtime.getRuntime().halt(full ? EXIT_DISK_FULL : EXIT_BROKER_FAILED);
    }

    /** The line for the user: what happened, to which directory, and what to do. */
    static String explain(Path dataDir, int code, String message, long freeBytes) {
        if (freeBytes >= 0 && freeBytes < FULL_BELOW_BYTES) {
            return "the disk of " + dataDir + " is full (" + freeBytes / (1024 * 1024) + " MB free): stopped in order; "
                    + "free space on it, then start again";
        }
        return "the embedded Kafka broker stopped on a fatal fault (code " + code
                + (message == null || message.isBlank() ? "" : ", " + message) + "): stopped in order; see the log above, "
                + "then start again";
    }

    private static long freeBytes(Path dataDir) {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sleepForever() {
        while (true) {
            try {
                TimeUnit.DAYS.sleep(1);
            } catch (InterruptedException e) {
                // the process halts soon
            }
        }
    }
}
