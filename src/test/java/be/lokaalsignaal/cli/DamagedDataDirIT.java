package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.app.Application;
import be.lokaalsignaal.app.Settings;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A data directory whose parts no longer belong together is named, not served: {@code run} on it
 * exits with code 2 and one line saying what is damaged, starts nothing and changes nothing. Each
 * test damages its own copy of one directory that a run filled and stopped cleanly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedDataDirIT {

    private Path tmp;

    private Path healthy;

    @BeforeAll
    void fillADataDirectory(@TempDir Path dir) {
        tmp = dir;
        healthy = tmp.resolve("healthy");
        try (Application app = Application.start(settings(healthy))) {
            assertThat(app.ready()).isTrue();
        }
    }

    @Test
    void aMissingRegistryDatabaseIsOneLineAndExitCodeTwoAndTheDatabaseIsNotCreatedAnew() throws IOException {
        Path dataDir = copyOfHealthy("no-registry-db");
        Path database = dataDir.resolve("registry/registry_db.mv.db");
        Files.delete(database);

        run(dataDir).assertUsageError()
                .contains("the data directory is damaged")
                .contains("schema registry database " + database + " is missing")
                .contains("README");

        assertThat(database).doesNotExist();
    }

    @Test
    void missingClusterMetadataIsOneLineAndExitCodeTwoAndNoPartitionIsSetAside() throws IOException {
        Path dataDir = copyOfHealthy("no-metadata");
        deleteTree(dataDir.resolve("kafka/__cluster_metadata-0"));

        run(dataDir).assertUsageError()
                .contains("the data directory is damaged")
                .contains("broker metadata of " + dataDir.resolve("kafka") + " is missing (__cluster_metadata-0)")
                .contains("README");

        try (Stream<Path> files = Files.list(dataDir.resolve("kafka"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith("-stray"));
        }
    }

    @Test
    void aRegistryDatabaseThatDoesNotKnowTheSchemaIdsOnTheTopicsIsOneLineAndExitCodeTwo() throws IOException {
        Path dataDir = copyOfHealthy("other-registry-db");
        Path other = tmp.resolve("empty-registry");
        // a registry that ran once on its own: its database exists, but holds no schema
        EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), other, 0).close();
        Files.copy(other.resolve("registry/registry_db.mv.db"), dataDir.resolve("registry/registry_db.mv.db"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        run(dataDir).assertUsageError()
                .contains("the data directory is damaged")
                .containsPattern("does not know schema id \\d+, which the records on topic [a-z-]+ name");
    }

    @Test
    void anIntactCopyStartsAgain() throws IOException {
        Path dataDir = copyOfHealthy("intact");
        try (Application app = Application.start(settings(dataDir))) {
            assertThat(app.ready()).isTrue();
        }
    }

    private CliRun run(Path dataDir) {
        Set<Long> before = descendantPids();
        CliRun result = CliRun.execute("run", "--http-port", String.valueOf(freePort()), "--data-dir", dataDir.toString(), "--no-initial-scan",
                "--kafka-port", "0", "--registry-port", "0");
        assertThat(ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())).filter(ProcessHandle::isAlive).toList())
                .as("processes left by the refused run").isEmpty();
        return result;
    }

    private Path copyOfHealthy(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(healthy)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(healthy.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().endsWith(".lock")) {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Settings settings(Path dataDir) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--http-port", String.valueOf(freePort()), "--data-dir", dataDir.toString(), "--no-initial-scan",
                "--kafka-port", "0", "--registry-port", "0");
        return run.validated();
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
