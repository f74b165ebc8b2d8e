package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry running as a child process, serving the Confluent Schema Registry API for the
 * all-in-one mode and the integration tests.
 *
 * <p>Schemas are kept in an H2 database file under {@code <dataDir>/registry}, so schema ids stay
 * the same across restarts (the records in Kafka refer to them). The process output goes to
 * {@code <dataDir>/registry/registry.log}.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRegistry.class);

    /** System property that names the unpacked Apicurio Registry bundle. */
    public static final String HOME_PROPERTY = "apicurio.home";
    /** Environment variable that names the unpacked Apicurio Registry bundle. */
    public static final String HOME_ENV = "LOKAAL_SIGNAAL_APICURIO_HOME";

    private static final String RUNNER_JAR_SUFFIX = "-runner.jar";
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    /** The process id of the running registry, for the next start to find a registry left alive. */
    static final String PID_FILE = "registry.pid";
    // a loaded machine starts the registry slowly; failing the start would be worse than waiting
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 2;

    /** Pauses between attempts to restart a registry that died, growing up to the last. */
    private static final List<Duration> RESTART_PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final ProcessBuilder builder;
    private volatile Process process;
    private volatile boolean closing;
    private volatile String outage;
    private final ServiceAddress address;
    private final int port;
    private final Path logFile;
    /** Where the log ended when this instance's process was launched: what that process writes comes after. */
    private final long launchedAt;
    private final Path pidFile;
    private final DirLock lock;
    private final Thread shutdownHook;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile Duration exitGrace = Duration.ZERO;

    private EmbeddedRegistry(ProcessBuilder builder, Process process, ServiceAddress address, int port, Path logFile, long launchedAt,
                             Path pidFile, DirLock lock) {
        this.builder = builder;
        this.process = process;
        this.address = address;
        this.port = port;
        this.logFile = logFile;
        this.launchedAt = launchedAt;
        this.pidFile = pidFile;
        this.lock = lock;
        // if the JVM exits without close(), the registry must not live on as an orphan
        this.shutdownHook = new Thread(this::stopOnExit, "embedded-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the registry and returns once it reports ready.
     *
     * @param apicurioHome the unpacked Apicurio Registry bundle (see {@link #locateApicurioHome()})
     * @param dataDir the data directory of the application; the registry keeps its database and
     *     log in {@code dataDir/registry}
     * @param port the HTTP port on 127.0.0.1, or 0 for a free one
     * @throws IllegalStateException if the port is taken, the process dies or it does not get ready
     *     within 180 s
     */
    public static EmbeddedRegistry start(Path apicurioHome, Path dataDir, int port) {
        return start(apicurioHome, dataDir, ServiceAddress.loopback(port));
    }

    /**
     * Starts the registry on the given address and returns once it reports ready.
     *
     * @throws IllegalStateException if the port is taken (and no fallback was asked for), the process
     *     dies or it does not get ready within 180 s
     */
    public static EmbeddedRegistry start(Path apicurioHome, Path dataDir, ServiceAddress address) {
        long started = System.nanoTime();
        Path runnerJar = runnerJar(apicurioHome, "given directory");
        Path registryDir = dataDir.toAbsolutePath().resolve("registry");
        Path logFile = registryDir.resolve("registry.log");
        Path pidFile = registryDir.resolve(PID_FILE);
        try {
            Files.createDirectories(registryDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the registry directory " + registryDir, e);
        }
        DirLock lock = DirLock.acquire(registryDir.resolve("registry.lock"),
                "Cannot start the embedded schema registry: another instance uses " + registryDir);
        try {
            // holding the lock, a registry still alive on this directory has no owner any more: it would keep the database locked
            ChildProcesses.endStale(pidFile, "The schema registry");
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        for (int attempt = 1; ; attempt++) {
            EmbeddedRegistry registry = launch(runnerJar, registryDir, address, logFile, pidFile, lock);
            try {
                registry.awaitReady(registry.process, registry.launchedAt);
                registry.superviseUntilClosed(registry.process);
                log.info("Embedded schema registry ready on {} in {} ms (log in {})", registry.url(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logFile);
                return registry;
            } catch (ExitedBeforeReady e) {
                if (attempt == START_ATTEMPTS) {
                    registry.close();
                    throw e;
                }
                // a start can fail for a passing reason (its chosen port taken meanwhile, the database of a registry just
                // ended not yet released); one more try costs a few seconds, a failed run of the application far more
                log.warn("Starting the schema registry once more. {}", e.getMessage());
                registry.discard();
                sleep(RESTART_PAUSES.get(0));
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
        }
    }

    /** Starts the registry's process on a port chosen now; the caller holds {@code lock} and waits for it to get ready. */
    private static EmbeddedRegistry launch(Path runnerJar, Path registryDir, ServiceAddress address, Path logFile, Path pidFile,
                                           DirLock lock) {
        try {
            int httpPort = address.choosePort("the embedded schema registry");
            // stdin stays an open pipe: the registry's parent watch ends the registry when this process ends
            ProcessBuilder builder = new ProcessBuilder(command(runnerJar, address.bindHost(), httpPort,
                    ChildProcesses.watchParentOptions(registryDir)))
                    .directory(registryDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("REGISTRY_DATASOURCE_URL",
                    "jdbc:h2:file:" + registryDir.resolve("registry_db"));
            long logStart = LogTail.mark(logFile);
            Process process = builder.start();
            ChildProcesses.record(pidFile, process);
            return new EmbeddedRegistry(builder, process, address, httpPort, logFile, logStart, pidFile, lock);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("Cannot start the schema registry from " + runnerJar, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Drops an instance whose process has died on start, keeping the lock for the next attempt. */
    private void discard() {
        closing = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // nothing left to stop
        }
    }

    /**
     * Finds the unpacked Apicurio Registry bundle: the system property {@value #HOME_PROPERTY}, else
     * the environment variable {@value #HOME_ENV}, else {@code target/apicurio} in the working
     * directory (where the build unpacks it).
     *
     * @throws IllegalStateException if none of them holds the registry's runner jar
     */
    public static Path locateApicurioHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return requireBundle(Path.of(property), "system property " + HOME_PROPERTY);
        }
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            return requireBundle(Path.of(env), "environment variable " + HOME_ENV);
        }
        return requireBundle(Path.of("target", "apicurio"), "default location");
    }

    /** The base URL of the Confluent-compatible API for schema registry clients, under the advertised host name. */
    public String url() {
        return "http://" + address.advertisedHost() + ":" + port + CCOMPAT_PATH;
    }

    /** The base URL of the Confluent-compatible API for clients in this process. */
    public String localUrl() {
        return "http://" + address.localHost() + ":" + port + CCOMPAT_PATH;
    }

    /** The process id of the registry. */
    public long pid() {
        return process.pid();
    }

    /** The file that receives the registry's own output. */
    public Path logFile() {
        return logFile;
    }

    /**
     * For an owner that closes this registry from its own shutdown hook, after the clients that still write
     * to it (Kafka Streams flushing its stores): on JVM exit, this registry's own hook then waits up to
     * {@code grace} for that close before it stops the process itself. Shutdown hooks run concurrently, so
     * without the grace the registry may be gone before the owner's clients are done with it.
     */
    public EmbeddedRegistry stopOnExitAfter(Duration grace) {
        this.exitGrace = grace;
        return this;
    }

    /**
     * Why the registry cannot answer now (it died and is being restarted), or empty while it runs.
     */
    public java.util.Optional<String> outage() {
        return java.util.Optional.ofNullable(outage);
    }

    /** A registry that dies while the application runs is started again, on the same port and database. */
    private void superviseUntilClosed(Process watched) {
        watched.onExit().thenRunAsync(() -> restartAfter(watched));
    }

    private void restartAfter(Process died) {
        if (closing || died != process || ChildProcesses.endedWithThisProcess()) {
            return;
        }
        outage = "the embedded schema registry stopped (exit code " + died.exitValue() + ") and is being restarted; see " + logFile;
        log.warn("The embedded schema registry (pid {}) stopped with exit code {}; restarting it on port {} (log in {})",
                died.pid(), died.exitValue(), port, logFile);
        long started = System.nanoTime();
        for (int attempt = 0; !closing; attempt++) {
            try {
                long logStart = LogTail.mark(logFile);
                Process next = startProcess();
                awaitReady(next, logStart);
                outage = null;
                log.info("Embedded schema registry restarted in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                superviseUntilClosed(next);
                return;
            } catch (RuntimeException e) {
                log.warn("Restarting the embedded schema registry failed: {}", e.getMessage());
                Process failed = process;
                if (failed != null) {
                    failed.destroyForcibly();
                }
            }
            sleep(RESTART_PAUSES.get(Math.min(attempt, RESTART_PAUSES.size() - 1)));
        }
    }

    private synchronized Process startProcess() {
        if (closing) {
            throw new IllegalStateException("closing");
        }
        try {
            Process next = builder.start();
            process = next;
            ChildProcesses.record(pidFile, next);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the schema registry: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopOnExit() {
        try {
            if (closed.await(exitGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopProcess();
    }

    /** Stops the registry: asks it to stop, and kills it if it has not after about five seconds. */
    @Override
    public void close() {
        stopProcess();
        if (!process.isAlive()) {
            ChildProcesses.forget(pidFile);
            lock.close();
        }
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or has run: it stops the same process
        }
    }

    private synchronized void stopProcess() {
        closing = true;
        Process process = this.process;
        if (!process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Schema registry did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Embedded schema registry stopped in {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Waits for the registry to answer ready; if it dies first, the error carries what it wrote to its log since {@code logStart}. */
    private void awaitReady(Process process, long logStart) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://" + address.localHost() + ":" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (true) {
                // checked before each probe: another process that took the port must not pass for ours
                if (!process.isAlive()) {
                    throw new ExitedBeforeReady("Schema registry exited with code " + process.exitValue()
                            + " before it was ready on port " + port + "; see " + logFile + LogTail.since(logFile, logStart));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                            && process.isAlive()) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // keep polling until the deadline
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Schema registry not ready on port " + port + " after "
                            + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }

    private static List<String> command(Path runnerJar, String bindHost, int httpPort, List<String> watchParent) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>(ChildProcesses.ownSession());
        command.addAll(List.of(
                java,
                // measured: 256 MB is ample for a registry with a few dozen schemas
                "-Xmx256m",
                // the registry does little work; the C1 compiler and the serial collector halve its startup
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=" + bindHost,
                "-Dquarkus.http.port=" + httpPort,
                // match schemas by their canonical form, as Confluent's registry does: a client that registers a
                // schema file as it is on disk (whitespace, key order) finds the version already there
                "-Dregistry.ccompat.use-canonical-hash=true",
                "-Dquarkus.log.console.color=false"));
        command.addAll(watchParent);
        command.addAll(List.of("-jar", runnerJar.toString()));
        return command;
    }

    private static Path runnerJar(Path apicurioHome, String source) {
        try (Stream<Path> files = Files.list(apicurioHome)) {
            return files.filter(f -> f.getFileName().toString().endsWith(RUNNER_JAR_SUFFIX))
                    .findFirst()
                    .orElseThrow(() -> missingBundle(apicurioHome, source));
        } catch (IOException e) {
            throw missingBundle(apicurioHome, source);
        }
    }

    private static Path requireBundle(Path home, String source) {
        Path absolute = home.toAbsolutePath();
        runnerJar(absolute, source);
        return absolute;
    }

    private static IllegalStateException missingBundle(Path home, String source) {
        return new IllegalStateException("No Apicurio Registry found in " + home + " (" + source + "): expected "
                + "apicurio-registry-app-*" + RUNNER_JAR_SUFFIX + " with its lib/ directory. Run ./mvnw package to "
                + "unpack it into target/apicurio, or point the system property " + HOME_PROPERTY
                + " or the environment variable " + HOME_ENV + " at an unpacked copy.");
    }

    /** The registry's process ended before it answered ready. */
    private static final class ExitedBeforeReady extends IllegalStateException {
        ExitedBeforeReady(String message) {
            super(message);
        }
    }
}
