package be.lokaalsignaal.scan.corpus;

import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The real runnable jar ({@code target/lokaal-signaal-all.jar}) as a child process, running {@code run} on
 * the sites of a {@link TestCorpus}: a municipalities CSV for its sites, {@code --resolve} for its host
 * names, an embedded broker and registry in a fresh data directory. Used by RunOnCorpusIT and the
 * end-to-end benchmark.
 */
public final class CorpusRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;
    private final Path register;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CorpusRun(Process process, int httpPort, Path register) {
        this.process = process;
        this.httpPort = httpPort;
        this.register = register;
    }

    /**
     * Writes the register of the corpus into {@code workDir} and starts the jar on it.
     *
     * @param heap      -Xmx of the child, e.g. "256m"
     * @param logPrefix the child's stdout and stderr go to {@code logPrefix}-stdout.log and -stderr.log
     * @param extraArgs further options of {@code run}
     */
    public static CorpusRun start(TestCorpus corpus, Path workDir, String heap, Path logPrefix, List<String> extraArgs)
            throws IOException {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("municipalities.csv");
        Files.writeString(csv, registerCsv(corpus), StandardCharsets.UTF_8);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap,
                "-Dapicurio.home=" + apicurioHome(), "-jar", jar().toString(), "run",
                "--municipalities", csv.toString(),
                "--allow-private-hosts",
                "--crawl-delay", "PT0S",
                "--crawl-timeout", "PT2S",
                "--http-port", String.valueOf(port),
                // never the fixed default ports of the broker and registry: other runs share the machine
                "--kafka-port", "0",
                "--registry-port", "0",
                "--data-dir", workDir.resolve("data").toString()));
        for (Map.Entry<String, String> e : corpus.resolve().entrySet()) {
            command.add("--resolve");
            command.add(e.getKey() + "=" + e.getValue());
        }
        command.addAll(extraArgs);
        Files.createDirectories(logPrefix.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectOutput(Path.of(logPrefix + "-stdout.log").toFile())
                .redirectError(Path.of(logPrefix + "-stderr.log").toFile())
                .start();
        return new CorpusRun(process, port, csv);
    }

    /** {@code nis_code,name,province,website,centrumstad} for every site; the website is its start URL. */
    public static String registerCsv(TestCorpus corpus) {
        StringBuilder csv = new StringBuilder("nis_code,name,province,website,centrumstad\n");
        for (TestCorpus.Site site : corpus.sites()) {
            csv.append(site.nisCode()).append(",Gemeente ").append(site.name()).append(",Antwerpen,")
                    .append("http://").append(site.host()).append(':').append(site.port()).append(",false\n");
        }
        return csv.toString();
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path register() {
        return register;
    }

    /** GET on the child's API: the parsed body of a 200, else empty (not up yet, 503 while stores restore, ...). */
    public Optional<JsonNode> get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code path} every 250 ms until its body satisfies {@code done}; fails when the process dies or the
     * timeout passes.
     */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " while waiting for " + what);
            }
            Optional<JsonNode> body = get(path);
            if (body.isPresent()) {
                last = body.get();
                if (done.test(last)) {
                    return last;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "; last " + path + ": " + last);
            }
            sleep(250);
        }
    }

    /** Website signal kinds present for one municipality, from its API answer. */
    public static Set<SignalKind> presentWebsiteKinds(JsonNode municipality) {
        Set<SignalKind> present = EnumSet.noneOf(SignalKind.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = municipality.path("signals").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SignalKind kind = SignalKind.parse(e.getKey());
            if (kind.fromWebsite() && e.getValue().path("present").asBoolean()) {
                present.add(kind);
            }
        }
        return present;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the child with SIGTERM; waits up to the timeout; true if it exited in time. */
    public boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Kills the child and its descendants if still running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a child's log for diagnosis. */
    public static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
