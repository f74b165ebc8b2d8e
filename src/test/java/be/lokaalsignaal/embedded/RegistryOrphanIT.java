package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry child never outlives its parent: killed with SIGKILL, the parent runs no shutdown
 * hook, yet the child notices and ends; and a registry that is still alive when the next start on
 * its data directory begins (here frozen with SIGSTOP, as a hung or older child would be) is ended
 * by that start instead of keeping the database locked.
 */
class RegistryOrphanIT {

    /** Liveness bounds only: a loaded machine starts a registry slowly. */
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration END_LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path dataDir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void leaveNoProcessBehind() {
        for (ProcessHandle p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theRegistryEndsWhenItsParentIsKilledWithSigkill() throws Exception {
        Process holder = startHolder();
        ProcessHandle registry = awaitRegistry(holder);

        holder.destroyForcibly();

        assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(registry.onExit()).as("the registry child after its parent was killed")
                .succeedsWithin(END_LIMIT);
    }

    @Test
    void aStartEndsARegistryLeftAliveOnItsDataDirectoryAndComesUpOnTheSameDatabase() throws Exception {
        Process holder = startHolder();
        ProcessHandle stale = awaitRegistry(holder);
        signal("STOP", stale.pid());
        holder.destroyForcibly();
        assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(stale.isAlive()).as("the frozen registry outlives its parent").isTrue();

        try (EmbeddedRegistry registry = EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, 0)) {
            assertThat(stale.isAlive()).as("the registry left alive by the killed parent").isFalse();
            assertThat(get(registry.url() + "/subjects").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSecondRegistryOnADataDirectoryInUseIsRefusedAndTheFirstKeepsRunning() {
        try (EmbeddedRegistry first = EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another instance uses");
            assertThat(ProcessHandle.of(first.pid())).get().matches(ProcessHandle::isAlive);
        }
    }

    private Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-Xmx128m",
                "-D" + EmbeddedRegistry.HOME_PROPERTY + "=" + EmbeddedRegistry.locateApicurioHome(),
                "-cp", System.getProperty("java.class.path"), RegistryHolder.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        started.add(holder.toHandle());
        return holder;
    }

    /** The registry child of the holder, once it answers. */
    private ProcessHandle awaitRegistry(Process holder) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    if (l.startsWith("READY ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("the holder's registry started").isNotNull();
        Optional<ProcessHandle> registry = ProcessHandle.of(Long.parseLong(line.substring(6).strip()));
        assertThat(registry).isPresent();
        started.add(registry.get());
        return registry.get();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
