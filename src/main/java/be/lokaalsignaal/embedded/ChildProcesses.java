package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps a child process of this application from outliving it: every child JVM runs
 * {@link ParentWatch} as an agent, so it ends with this process however this one ends; and every
 * child's process id is recorded in a file, so that the next start on the same data directory
 * finds a child that is still alive (it may be stopping, hung or from an older version) and ends
 * it before it starts a new one.
 */
final class ChildProcesses {
    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);

    static final String AGENT_JAR = "parent-watch.jar";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private ChildProcesses() {}

    /**
     * The JVM options that make a child watch this process: writes the agent jar into {@code dir}
     * (again on every start, so it always matches this version) and names this process's id.
     */
    static List<String> watchParentOptions(Path dir) {
        Path jar = dir.resolve(AGENT_JAR);
        writeAgentJar(jar);
        return List.of("-javaagent:" + jar + "=" + ProcessHandle.current().pid());
    }

    private static void writeAgentJar(Path jar) {
        String name = ParentWatch.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        Path partial = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (InputStream classFile = ParentWatch.class.getClassLoader().getResourceAsStream(name)) {
            if (classFile == null) {
                throw new IllegalStateException("cannot find " + name + " on the class path");
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                out.putNextEntry(new JarEntry(name));
                classFile.transferTo(out);
                out.closeEntry();
            }
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    /**
     * The command prefix that starts a child in a session of its own, where the system has one ({@code setsid}, which
     * execs the child in place: its process id stays the one {@link Process#pid} gives). A terminal's Ctrl-C, and a
     * service manager's stop, signal the whole process group: a child in this one would end at the same moment as
     * this process starts to stop, while Kafka Streams may still need the registry to close, and this process would
     * take the child's end for a crash. In a session of its own the child is stopped by this process, in order; if
     * this process dies, the child's parent watch ends it.
     */
    static List<String> ownSession() {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                return List.of(setsid);
            }
        }
        return List.of();
    }

    /**
     * Whether this JVM is stopping, looked at for up to a second: a child that ended on the same signal as this process
     * (a process group's) is not to be started again. The JVM begins its stop within milliseconds of the signal.
     */
    static boolean endedWithThisProcess() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        do {
            if (jvmStopping()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException stopping) {
            return true;
        }
    }

    /** Records a started child, so that a later start can find it. */
    static void record(Path pidFile, Process process) {
        String startedAt = process.info().startInstant().map(i -> String.valueOf(i.toEpochMilli())).orElse("-");
        try {
            Files.writeString(pidFile, process.pid() + " " + startedAt + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.warn("cannot record the child process {} in {}: {}", process.pid(), pidFile, e.toString());
        }
    }

    /** Forgets a child that was stopped in order. */
    static void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("cannot delete {}", pidFile, e);
        }
    }

    /**
     * Ends the child recorded in {@code pidFile} if it is still alive. Only call this while holding the
     * lock of the directory: then no running instance owns that child, so it is stale. Returns the
     * process id that was ended, if any.
     *
     * @throws IllegalStateException if the stale child cannot be ended
     */
    static Optional<Long> endStale(Path pidFile, String what) {
        Optional<ProcessHandle> stale = recorded(pidFile);
        if (stale.isEmpty()) {
            forget(pidFile);
            return Optional.empty();
        }
        ProcessHandle child = stale.get();
        log.warn("{} of an earlier run is still alive (pid {}); ending it before starting a new one", what, child.pid());
        child.destroy();
        if (!awaitExit(child, STOP_WAIT)) {
            child.destroyForcibly();
            if (!awaitExit(child, STOP_WAIT)) {
                throw new IllegalStateException(what + " of an earlier run (pid " + child.pid() + ", recorded in " + pidFile
                        + ") does not end; end it, then start again");
            }
        }
        forget(pidFile);
        return Optional.of(child.pid());
    }

    /** The live process a pid file names; not a process that merely got the same pid later. */
    static Optional<ProcessHandle> recorded(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String[] fields;
        try {
            fields = Files.readString(pidFile, StandardCharsets.US_ASCII).strip().split("\\s+");
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        Optional<Instant> recordedStart;
        try {
            pid = Long.parseLong(fields[0]);
            recordedStart = fields.length > 1 && !fields[1].equals("-")
                    ? Optional.of(Instant.ofEpochMilli(Long.parseLong(fields[1]))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> recordedStart.isEmpty() || p.info().startInstant().isEmpty()
                        || p.info().startInstant().get().toEpochMilli() == recordedStart.get().toEpochMilli());
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
