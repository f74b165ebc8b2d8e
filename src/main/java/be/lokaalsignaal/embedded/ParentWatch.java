package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Runs inside a child process (as a Java agent on its command line) and ends that process when the
 * parent is gone, however the parent ended: a kill -9, a halt or a crash run no shutdown hook, so
 * the parent cannot stop its children then. Two signs, whichever comes first: the child's standard
 * input, a pipe whose other end only the parent holds, reaches end of file (the kernel closes it
 * with the parent); or the parent's process id is no longer alive.
 *
 * <p>The child is stopped with {@link System#exit}, so that its own shutdown hooks close its
 * database cleanly, and halted if that takes longer than {@link #HALT_AFTER_MS}. This class uses
 * the JDK only and has no nested classes: it is copied alone into the agent jar.
 */
public final class ParentWatch {

    static final long HALT_AFTER_MS = 15_000;
    private static final long POLL_MS = 1_000;
    private static boolean stopping;

    private ParentWatch() {}

    /** Agent entry point; {@code args} is the parent's process id. */
    public static void premain(String args) {
        long parent = parsePid(args);
        Thread stdin = new Thread(() -> {
            awaitEndOfInput(System.in);
            stop("its parent process closed the pipe (it ended)");
        }, "parent-watch-stdin");
        stdin.setDaemon(true);
        stdin.start();
        if (parent > 0) {
            Thread pid = new Thread(() -> {
                awaitGone(parent);
                stop("its parent process " + parent + " is gone");
            }, "parent-watch-pid");
            pid.setDaemon(true);
            pid.start();
        }
    }

    static long parsePid(String args) {
        try {
            return args == null || args.isBlank() ? -1 : Long.parseLong(args.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException closed) {
            // a broken pipe means the same as end of file
        }
    }

    private static void awaitGone(long pid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        // a recycled pid belongs to another process: the start time tells them apart
        Optional<java.time.Instant> started = parent.flatMap(p -> p.info().startInstant());
        while (parent.isPresent() && parent.get().isAlive()
                && started.equals(ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()))) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static synchronized void stop(String why) {
        if (stopping) {
            return;
        }
        stopping = true;
        System.err.println("[parent-watch] stopping: " + why);
        System.err.flush();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(1);
        }, "parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
        // exit from a thread of its own: System.exit waits for the shutdown hooks, and a hook may wait for this thread
        Thread exit = new Thread(() -> System.exit(0), "parent-watch-exit");
        exit.start();
    }
}
