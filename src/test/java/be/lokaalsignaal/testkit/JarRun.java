package be.lokaalsignaal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged jar ({@code target/lokaal-signaal-all.jar}) running {@code run} as a child process,
 * for tests that kill it, starve it or restart it: its output goes to files, its API is polled, and
 * {@link #close()} ends it together with every process it started, whatever state the test left.
 */
public final class JarRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;
    private final Path stdout;
    private final Path stderr;
    private final List<ProcessHandle> seen = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JarRun(Process process, int httpPort, Path stdout, Path stderr) {
        this.process = process;
        this.httpPort = httpPort;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code [prefix...] java -Xmx<heap> -jar lokaal-signaal-all.jar run --http-port P --data-dir D
     * --kafka-port 0 --registry-port 0 [args...]}.
     *
     * @param prefix   a command the JVM runs under (e.g. {@code unshare ...}); empty for none
     * @param logs     stdout and stderr go to {@code logs}-stdout.log and -stderr.log (appended: a restart adds to them)
     * @param httpPort the port of the API, or 0 for a free one
     */
    public static JarRun start(List<String> prefix, String heap, Path dataDir, int httpPort, Path logs, List<String> args)
            throws IOException {
        int port = httpPort == 0 ? freePort() : httpPort;
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary(), "-Xmx" + heap, "-Dapicurio.home=" + apicurioHome(), "-jar", jar().toString(),
                "run", "--http-port", String.valueOf(port), "--data-dir", dataDir.toString(),
                // free ports for the embedded services: other runs on the machine hold the fixed ones
                "--kafka-port", "0", "--registry-port", "0"));
        command.addAll(args);
        Path out = Path.of(logs + "-stdout.log");
        Path err = Path.of(logs + "-stderr.log");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .start();
        return new JarRun(process, port, out, err);
    }

    /** Deletes the logs of an earlier run under the same prefix: {@link #start} appends to them. */
    public static void deleteLogs(Path logs) throws IOException {
        Files.deleteIfExists(Path.of(logs + "-stdout.log"));
        Files.deleteIfExists(Path.of(logs + "-stderr.log"));
    }

    public static Path jar() {
        Path jar = baseDir().resolve("target/lokaal-signaal-all.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -DskipTests package");
        }
        return jar;
    }

    private static Path baseDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
    }

    private static String apicurioHome() {
        String home = System.getProperty("apicurio.home");
        return home != null ? home : baseDir().resolve("target/apicurio").toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The processes the jar started (the registry), remembered so that {@link #close()} ends them too. */
    public List<ProcessHandle> children() {
        List<ProcessHandle> now = process.descendants().toList();
        synchronized (seen) {
            now.stream().filter(p -> seen.stream().noneMatch(s -> s.pid() == p.pid())).forEach(seen::add);
        }
        return now;
    }

    public String stderr() {
        return read(stderr);
    }

    public String stdout() {
        return read(stdout);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of stderr, for a failure message. */
    public String tail() {
        List<String> lines = stderr().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** HTTP status and body of a GET on the API; status -1 when nothing answers. */
    public Answer get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = null;
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET's status and JSON body (null when there was none). */
    public record Answer(int status, JsonNode body) {
        public Optional<JsonNode> ok() {
            return status == 200 ? Optional.ofNullable(body) : Optional.empty();
        }
    }

    /** Polls {@code path} until a 200 body satisfies {@code done}; fails when the process ends or the bound passes. */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration bound, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        Answer last = null;
        while (true) {
            children();
            if (!process.isAlive()) {
                throw new AssertionError("lokaal-signaal exited with " + process.exitValue() + " while waiting for " + what
                        + "; stderr:\n" + tail());
            }
            last = get(path);
            if (last.ok().filter(done).isPresent()) {
                return last.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + bound + "; last " + path + ": " + last + "; stderr:\n" + tail());
            }
            sleep(250);
        }
    }

    /** Waits until health says UP. */
    public JsonNode awaitUp(Duration bound) {
        return await("/api/health", h -> "UP".equals(h.path("status").asText()), bound, "health UP");
    }

    /** SIGKILL to the jar's JVM only: its children are left to fend for themselves, as after a crash. */
    public void kill() throws InterruptedException {
        children();
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** True once the process exited within the bound. */
    public boolean awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the jar's JVM and every process it started that is still alive. */
    @Override
    public void close() {
        children();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        synchronized (seen) {
            seen.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            process.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
