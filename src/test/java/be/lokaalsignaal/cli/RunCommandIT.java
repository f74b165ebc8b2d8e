package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import be.lokaalsignaal.app.Application;
import be.lokaalsignaal.app.ClusterWait;
import be.lokaalsignaal.app.Settings;
import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import be.lokaalsignaal.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} as the README promises it: bad configuration is one line and exit code 2 before
 * anything starts, a second run on the same data directory comes back with the same topics and
 * schema ids, a given cluster means nothing embedded, and the packaged jar answers health and stops
 * on SIGTERM, to it alone or to its whole process group, with nothing left behind.
 */
class RunCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;

    @Test
    void aTakenHttpPortIsOneLineNamingThePortAndStartsNothingEmbedded() throws Exception {
        Path dataDir = tmp.resolve("data");
        Set<Long> before = descendantPids();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            String port = String.valueOf(taken.getLocalPort());

            CliRun result = CliRun.execute("run", "--http-port", port, "--data-dir", dataDir.toString(), "--no-initial-scan",
                    "--kafka-port", "0", "--registry-port", "0");

            assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(Main.EXIT_USAGE);
            assertThat(result.err().lines().toList()).singleElement().asString()
                    .startsWith("lokaal-signaal: ").contains("--http-port " + port);
        }
        assertThat(dataDir.resolve("kafka")).doesNotExist();
        assertThat(dataDir.resolve("registry")).doesNotExist();
        assertThat(newSince(before)).as("processes started by the failed run").isEmpty();
    }

    @Test
    void unreachableBootstrapServersAreOneLineNamingThemAfterTheBoundedWait() throws Exception {
        int closedPort = freePort();
        String bootstrap = "127.0.0.1:" + closedPort;
        ClusterWait.set(Duration.ofSeconds(2));
        try {
            CliRun result = CliRun.execute("run", "--http-port", String.valueOf(freePort()), "--data-dir", tmp.resolve("data").toString(),
                    "--bootstrap-servers", bootstrap, "--schema-registry-url", "http://127.0.0.1:" + closedPort, "--no-initial-scan");

            assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(Main.EXIT_USAGE);
            assertThat(result.err().lines().toList()).singleElement().asString()
                    .startsWith("lokaal-signaal: ").contains(bootstrap).contains("--bootstrap-servers");
        } finally {
            ClusterWait.reset();
        }
        assertThat(tmp.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    void aSecondRunOnTheSameDataDirectoryComesUpWithTheEarlierTopicsSchemaIdsAndAddresses() throws Exception {
        int kafkaPort = freePort();
        int registryPort = freePort();
        Settings settings = settings("--http-port", String.valueOf(freePort()), "--data-dir", tmp.resolve("data").toString(), "--no-initial-scan",
                "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(registryPort));
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String registryUrl = "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";

        Map<String, Uuid> topicsBefore;
        Map<String, Integer> schemasBefore;
        JsonNode aboutBefore;
        Application first = Application.start(settings);
        try {
            topicsBefore = topicIds(first.bootstrapServers());
            schemasBefore = schemaIds(first.schemaRegistryUrl());
            aboutBefore = getJson("http://127.0.0.1:" + settings.httpPort() + "/api/about");
        } finally {
            long closing = System.nanoTime();
            first.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("time to close (a liveness bound: the stop time itself is a benchmark figure)").isLessThan(Duration.ofMinutes(2));
        }
        assertThat(topicsBefore.keySet()).containsAll(topicNames());
        assertThat(schemasBefore).containsKey(Topics.MUNICIPALITIES.valueSubject());
        assertThat(aboutBefore.at("/kafka/bootstrapServers").asText()).isEqualTo(bootstrap);
        assertThat(aboutBefore.at("/schemaRegistry/url").asText()).isEqualTo(registryUrl);

        try (Application second = Application.start(settings)) {
            // a topic id changes when a topic is created anew: equal ids mean the same topics, with their records
            assertThat(topicIds(second.bootstrapServers())).containsAllEntriesOf(topicsBefore);
            assertThat(schemaIds(second.schemaRegistryUrl())).containsAllEntriesOf(schemasBefore);
            // health is UP once the topology has processed what was published before this start
            Health health = healthWithin(settings.httpPort(), HEALTH_WAIT);
            assertThat(health.up()).as("health UP, last answer %s", health).isTrue();
            JsonNode about = getJson("http://127.0.0.1:" + settings.httpPort() + "/api/about");
            assertThat(about.path("kafka")).isEqualTo(aboutBefore.path("kafka"));
            assertThat(about.path("schemaRegistry")).isEqualTo(aboutBefore.path("schemaRegistry"));
            assertThat(about.path("topics")).isEqualTo(aboutBefore.path("topics"));
        }
    }

    @Test
    void aTakenKafkaPortIsOneLineNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            String port = String.valueOf(taken.getLocalPort());

            CliRun result = CliRun.execute("run", "--http-port", String.valueOf(freePort()), "--data-dir", tmp.resolve("data").toString(),
                    "--no-initial-scan", "--kafka-port", port, "--registry-port", String.valueOf(freePort()));

            assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(Main.EXIT_USAGE);
            assertThat(result.err().lines().toList()).singleElement().asString()
                    .startsWith("lokaal-signaal: ").contains("port " + port).contains("--kafka-port").contains("--free-ports-if-taken");
            // refused before the registry was started on the data directory: nothing goes on writing there
            assertThat(tmp.resolve("data").resolve("registry")).doesNotExist();
        }
    }

    /** Against a cluster and registry of its own, so the application's fixed topic names meet no other test. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenAClusterAndARegistry {
        EmbeddedKafka kafka;
        EmbeddedRegistry registry;

        @BeforeAll
        void startCluster(@TempDir Path clusterDir) {
            CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                    () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), clusterDir, 0));
            try {
                kafka = EmbeddedKafka.start(clusterDir, 0);
            } finally {
                registry = registryStart.join();
            }
        }

        @AfterAll
        void stopCluster() {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }

        @Test
        void runUsesThemAndStartsNothingEmbedded(@TempDir Path dir) throws Exception {
            Path dataDir = dir.resolve("data");
            Set<Long> before = descendantPids();
            Settings settings = settings("--http-port", String.valueOf(freePort()), "--data-dir", dataDir.toString(),
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(), "--no-initial-scan");

            try (Application app = Application.start(settings)) {
                Health health = healthWithin(settings.httpPort(), HEALTH_WAIT);
                assertThat(health.up()).as("health UP, last answer %s", health).isTrue();
                assertThat(newSince(before)).as("processes started by the application").isEmpty();
                assertThat(topicIds(kafka.bootstrapServers()).keySet()).containsAll(topicNames());
                assertThat(schemaIds(registry.url())).containsKey(Topics.MUNICIPALITIES.valueSubject());
            }
            assertThat(dataDir.resolve("kafka")).doesNotExist();
            assertThat(dataDir.resolve("registry")).doesNotExist();
        }

        @Test
        void anUnreachableRegistryIsOneLineNamingIt(@TempDir Path dir) {
            String registryUrl = "http://127.0.0.1:" + freePort() + "/apis/ccompat/v7";
            ClusterWait.set(Duration.ofSeconds(2));
            try {
                CliRun result = CliRun.execute("run", "--http-port", String.valueOf(freePort()), "--data-dir", dir.resolve("data").toString(),
                        "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registryUrl, "--no-initial-scan");

                assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(Main.EXIT_USAGE);
                assertThat(result.err().lines().toList()).singleElement().asString()
                        .startsWith("lokaal-signaal: ").contains(registryUrl).contains("--schema-registry-url");
            } finally {
                ClusterWait.reset();
            }
        }
    }

    @Test
    void thePackagedJarAnswersHealthAndStopsOnSigtermWithNoChildProcessLeft() throws Exception {
        Path log = tmp.resolve("run.log");
        int port = freePort();
        Process process = new ProcessBuilder(packagedRun(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // the jar's start and then the processing of the bundled data: a liveness bound for a busy machine
            awaitHealthUp(process, port, HEALTH_WAIT, log);
            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children).as("the embedded registry runs as a child process").isNotEmpty();

            process.destroy();

            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM; log:%n%s", tail(log)).isTrue();
            assertThat(process.exitValue()).as("the exit code of a stop on SIGTERM (README)").isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(children).as("child processes after the stop").noneMatch(ProcessHandle::isAlive);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * A terminal's Ctrl-C and a service manager's stop signal the whole process group (SIGTERM here: a test JVM
     * may have been started with SIGINT ignored, and the JVM then keeps ignoring it): the application stops the
     * registry itself, in order, and does not take its end for a crash to restart from.
     */
    @Test
    void aStopSignalToTheWholeProcessGroupStopsInOrderWithoutRestartingTheRegistry() throws Exception {
        Path setsid = Path.of("/usr/bin/setsid");
        Assumptions.assumeTrue(Files.isExecutable(setsid), "no setsid on this machine to start a process group");
        Path log = tmp.resolve("run.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(setsid.toString()));
        command.addAll(packagedRun(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitHealthUp(process, port, HEALTH_WAIT, log);
            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children).as("the embedded registry runs as a child process").isNotEmpty();

            Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid()).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM to its group; log:%n%s", tail(log)).isTrue();
            assertThat(process.exitValue()).as("the exit code of a stop on SIGTERM (README)").isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(children).as("child processes after the stop").noneMatch(ProcessHandle::isAlive);
            assertThat(Files.readString(log)).as("the log of the stop")
                    .contains("Embedded schema registry stopped")
                    .doesNotContain("restarting it", "Restarting the embedded schema registry", "does not answer");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The packaged jar's run command on a fresh data directory, embedded broker and registry on free ports. */
    private List<String> packagedRun(int port) throws IOException {
        Path jar = Path.of("target", "lokaal-signaal-all.jar").toAbsolutePath();
        assertThat(jar).as("the runnable jar, built in the package phase").exists();
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        String apicurioHome = System.getProperty(EmbeddedRegistry.HOME_PROPERTY);
        if (apicurioHome != null) {
            command.add("-D" + EmbeddedRegistry.HOME_PROPERTY + "=" + apicurioHome);
        }
        // no initial scan: the test must not crawl the real municipal websites
        command.addAll(List.of("-jar", jar.toString(), "run", "--http-port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--no-initial-scan", "--kafka-port", "0", "--registry-port", "0"));
        return command;
    }

    private static void awaitHealthUp(Process process, int port, Duration limit, Path log) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Health last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("lokaal-signaal exited with %d before it was up; log:%n%s", process.exitValue(), tail(log));
            }
            try {
                last = health(port);
                if (last.up()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(250);
        }
        fail("GET /api/health not 200 UP within %s (last: %s); log:%n%s", limit, last, tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The answer of /api/health; {@code waitingFor} says what it waits for while not UP. */
    record Health(int status, String state, String waitingFor) {
        boolean up() {
            return status == 200 && "UP".equals(state);
        }
    }

    /** 128 + 15, as the JVM ends on SIGTERM once its shutdown hooks have run (Ctrl-C: 128 + 2). */
    private static final int STOPPED_BY_SIGTERM = 143;

    /** A liveness bound: health becomes UP once the data published before start-up is processed. */
    private static final Duration HEALTH_WAIT = Duration.ofMinutes(6);

    /** Health as soon as it is UP, or the last answer when it is not UP within the limit. */
    private static Health healthWithin(int port, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Health last = health(port);
        while (!last.up() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = health(port);
        }
        return last;
    }

    private static Health health(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return new Health(response.statusCode(), body.path("status").asText(), body.path("waitingFor").toString());
    }

    private static Set<String> topicNames() {
        return Topics.all(Topics.DEFAULT_PARTITIONS, (short) 1).stream().map(NewTopic::name).collect(Collectors.toSet());
    }

    private static Map<String, Uuid> topicIds(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, Uuid> ids = new TreeMap<>();
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) -> ids.put(name, d.topicId()));
            return ids;
        }
    }

    /** Subject → id of its latest schema, through the Confluent API the application itself uses. */
    private static Map<String, Integer> schemaIds(String registryUrl) throws Exception {
        Map<String, Integer> ids = new TreeMap<>();
        for (JsonNode subject : getJson(registryUrl + "/subjects")) {
            String encoded = URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8);
            ids.put(subject.asText(), getJson(registryUrl + "/subjects/" + encoded + "/versions/latest").path("id").asInt());
        }
        return ids;
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The settings of {@code run} with these options, on free ports for the embedded broker and registry unless given. */
    private static Settings settings(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--kafka-port")) {
            all.addAll(List.of("--kafka-port", String.valueOf(freePort())));
        }
        if (!all.contains("--registry-port")) {
            all.addAll(List.of("--registry-port", String.valueOf(freePort())));
        }
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(all.toArray(String[]::new));
        return run.validated();
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static List<ProcessHandle> newSince(Set<Long> before) {
        return ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
