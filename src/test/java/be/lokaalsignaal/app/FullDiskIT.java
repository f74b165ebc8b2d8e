package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.testkit.JarRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the data directory: the packaged jar runs on a small filesystem of its own (a
 * tmpfs in a private mount namespace, so no privileges are needed and nothing is mounted for
 * anyone else), the test fills that filesystem, and the embedded broker's halt becomes an ordered
 * stop with one line that names the directory, a distinct exit code and no child left.
 */
class FullDiskIT {

    private static final Duration UP_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsThePartsInOrderWithOneLineAndExitCodeThreeAndLeavesNoChild() throws Exception {
        Assumptions.assumeTrue(privateMountsWork(), "needs unprivileged user and mount namespaces (unshare)");
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        Path dataDir = mount.resolve("data");
        List<String> onSmallDisk = List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=768m tmpfs \"$0\" && exec \"$@\"", mount.toString());

        try (JarRun run = JarRun.start(onSmallDisk, "512m", dataDir, 0, tmp.resolve("full-disk"), List.of("--no-initial-scan"))) {
            run.awaitUp(UP_LIMIT);
            List<ProcessHandle> children = run.children();
            assertThat(children).as("the embedded registry runs as a child process").isNotEmpty();

            fill(Path.of("/proc/" + run.process().pid() + "/root" + mount + "/ballast"));

            assertThat(run.awaitExit(STOP_LIMIT)).as("exited after the disk filled up; stderr:%n%s", run.tail()).isTrue();
            assertThat(run.process().exitValue()).as("exit code; stderr:%n%s", run.tail()).isEqualTo(BrokerHalt.EXIT_DISK_FULL);
            List<String> ownLines = run.stderr().lines().filter(l -> l.startsWith("lokaal-signaal: ")).toList();
            assertThat(ownLines).singleElement().asString()
                    .startsWith("lokaal-signaal: the disk of " + dataDir + " is full");
            assertThat(run.stderr()).as("the parts stopped in order before the end").contains("lokaal-signaal stopped in");
            for (ProcessHandle child : children) {
                assertThat(child.onExit()).as("child %d", child.pid()).succeedsWithin(Duration.ofSeconds(30));
            }
        }
    }

    /** Writes zeros until the filesystem refuses more. */
    private static void fill(Path ballast) {
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // "No space left on device": the filesystem is full
        }
    }

    private static boolean privateMountsWork() {
        try {
            Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
