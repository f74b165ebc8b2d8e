package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.testkit.JarRun;
import be.lokaalsignaal.testkit.SlowSites;
import be.lokaalsignaal.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash mid-scan loses nothing: the packaged jar scans slow sites of its own, is killed with
 * SIGKILL in the middle of the round while its registry child is frozen (so that the child is
 * certainly alive when the restart begins, as a hung registry or one of an older version would be),
 * and is started again on the same data directory without a new round. The restart ends the stale
 * registry and comes up; the interrupted round completes from the redelivered requests; every
 * municipality's record and the totals (the API's and the topology's) equal those of a run that was
 * never killed; nothing goes to the dead letters; no child process is left.
 */
class CrashRecoveryIT {

    /** Liveness bounds only: a loaded two-core machine is slow, not wrong. */
    private static final Duration UP = Duration.ofMinutes(4);
    private static final Duration ROUND = Duration.ofMinutes(6);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofMinutes(1);
    private static final Pattern ADDRESSES = Pattern.compile("Kafka bootstrap servers ([^,\\s]+), schema registry (\\S+)");

    @TempDir
    Path tmp;

    private final List<JarRun> runs = new ArrayList<>();
    private final List<ProcessHandle> strays = new ArrayList<>();
    private SlowSites sites;

    @AfterEach
    void leaveNothingBehind() {
        runs.forEach(JarRun::close);
        strays.forEach(ProcessHandle::destroyForcibly);
        if (sites != null) {
            sites.close();
        }
    }

    @Test
    void aRunKilledMidScanAndRestartedEndsWithTheRecordsAndTotalsOfARunNeverKilled() throws Exception {
        deleteLogs();
        sites = SlowSites.start(Duration.ofMillis(400), 30);
        Path register = tmp.resolve("municipalities.csv");
        Files.writeString(register, sites.registerCsv(), StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(sites.runOptions());
        options.addAll(List.of("--municipalities", register.toString(), "--crawl-concurrency", "2", "--crawl-timeout", "PT10S"));

        // ---- a run that is never killed: the reference
        JarRun reference = start(tmp.resolve("reference"), "reference", options);
        reference.awaitUp(UP);
        awaitRoundComplete(reference);
        Snapshot expected = awaitSettled(reference, null);
        assertThat(expected.records().keySet()).hasSize(sites.sites().size());
        for (SlowSites.Site site : sites.sites()) {
            assertThat(expected.records().get(site.nisCode()).get("present")).as("signals found on %s", site.name())
                    .isEqualTo(site.kinds().stream().map(Enum::name).sorted().toList().toString());
        }
        stop(reference);

        // ---- killed with SIGKILL in the middle of the round, its registry frozen
        Path dataDir = tmp.resolve("killed");
        JarRun killed = start(dataDir, "killed", options);
        // the scan may run before health is UP (the topology starts meanwhile): watch the round, not health
        int total = sites.sites().size();
        JsonNode atKill = killed.await("/api/scans/latest",
                p -> "RUNNING".equals(p.path("status").asText()) && p.path("municipalities").path("done").asInt() >= 2,
                UP.plus(ROUND), "a scan round with two sites done");
        assertThat(atKill.path("municipalities").path("done").asInt()).as("killed mid-scan").isLessThan(total);
        ProcessHandle registry = registryOf(killed);
        signal("STOP", registry.pid());
        killed.kill();
        assertThat(registry.isAlive()).as("the frozen registry child outlives the killed application").isTrue();

        // ---- restarted on the same data directory, no new round: the interrupted one must complete
        List<String> again = new ArrayList<>(options);
        again.add("--no-initial-scan");
        // the same address, as an operator restarts it: the instance takes its own place in the groups
        JarRun restarted = start(dataDir, "restarted", again, killed.httpPort());
        restarted.awaitUp(UP);
        assertThat(registry.onExit()).as("the stale registry ended by the restart").succeedsWithin(Duration.ofSeconds(30));
        awaitRoundComplete(restarted);
        Snapshot actual = awaitSettled(restarted, expected);

        assertThat(actual.records()).isEqualTo(expected.records());
        assertThat(actual.summary()).isEqualTo(expected.summary());
        assertThat(actual.topologyTotals()).isEqualTo(expected.topologyTotals());
        assertThat(deadLetters(restarted)).as("records in the dead-letter topic").isZero();

        // ---- and stops with no child left
        List<ProcessHandle> children = restarted.children();
        assertThat(children).isNotEmpty();
        stop(restarted);
        for (ProcessHandle child : children) {
            assertThat(child.onExit()).as("child %d", child.pid()).succeedsWithin(Duration.ofSeconds(30));
        }
    }

    // ------------------------------------------------------------------ runs

    private static final Path LOGS = Path.of("target", "crash-recovery");

    /** The runs append to their logs (a restart adds to them): start from none. */
    private static void deleteLogs() throws java.io.IOException {
        for (String name : List.of("reference", "killed", "restarted")) {
            JarRun.deleteLogs(LOGS.resolve(name));
        }
    }

    private JarRun start(Path dataDir, String name, List<String> options) throws Exception {
        return start(dataDir, name, options, 0);
    }

    private JarRun start(Path dataDir, String name, List<String> options, int httpPort) throws Exception {
        JarRun run = JarRun.start(List.of(), "384m", dataDir, httpPort, LOGS.resolve(name), options);
        runs.add(run);
        return run;
    }

    private static void stop(JarRun run) throws InterruptedException {
        run.process().destroy();
        assertThat(run.awaitExit(STOP)).as("stopped on SIGTERM; stderr:%n%s", run.tail()).isTrue();
    }

    private ProcessHandle registryOf(JarRun run) {
        ProcessHandle registry = run.children().stream()
                .filter(p -> p.info().commandLine().orElse("").contains("apicurio"))
                .findFirst().orElseThrow(() -> new AssertionError("no registry child"));
        strays.add(registry);
        return registry;
    }

    private void awaitRoundComplete(JarRun run) {
        run.await("/api/scans/latest", p -> "COMPLETE".equals(p.path("status").asText())
                && p.path("municipalities").path("done").asInt() == sites.sites().size(), ROUND, "a complete scan round");
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    // ------------------------------------------------------------------ what is compared

    /**
     * What a run answers, without what differs between two runs by nature (times, scan ids): per
     * municipality the kinds present, their periods and evidence URLs, the last scan's status and
     * pages; the API's summary; the topology's totals on uptake-summary.
     */
    record Snapshot(Map<String, Map<String, String>> records, JsonNode summary, Map<String, String> topologyTotals) {}

    /** Polls until two snapshots in a row agree (and, given one, agree with {@code target}). */
    private Snapshot awaitSettled(JarRun run, Snapshot target) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Snapshot previous = null;
        while (true) {
            Snapshot now = snapshot(run);
            boolean settled = now != null && now.equals(previous) && (target == null || now.equals(target));
            if (settled || System.nanoTime() > deadline) {
                assertThat(now).as("a snapshot of %s", run.process().pid()).isNotNull();
                return now;
            }
            previous = now;
            Thread.sleep(2_000);
        }
    }

    private Snapshot snapshot(JarRun run) {
        Map<String, Map<String, String>> records = new TreeMap<>();
        for (SlowSites.Site site : sites.sites()) {
            JarRun.Answer answer = run.get("/api/municipalities/" + site.nisCode());
            if (answer.status() != 200) {
                return null;
            }
            records.put(site.nisCode(), normalized(answer.body()));
        }
        JarRun.Answer summary = run.get("/api/summary");
        if (summary.status() != 200) {
            return null;
        }
        return new Snapshot(records, summary.body(), topologyTotals(run));
    }

    private static Map<String, String> normalized(JsonNode record) {
        Map<String, String> out = new TreeMap<>();
        List<String> present = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("signals").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = it.next();
            JsonNode state = kind.getValue();
            if (state.path("present").asBoolean()) {
                present.add(kind.getKey());
            }
            TreeSet<String> urls = new TreeSet<>();
            state.path("evidence").forEach(e -> urls.add(e.path("url").asText() + " " + e.path("snippet").asText()));
            out.put(kind.getKey(), "present=" + state.path("present").asBoolean() + " periods=" + state.path("periods").size()
                    + " lost=" + !state.path("lostAt").isNull() + " evidence=" + urls);
        }
        present.sort(null);
        out.put("present", present.toString());
        out.put("name", record.path("name").asText() + " / " + record.path("province").asText());
        out.put("lastScan", record.path("lastScan").path("status").asText() + " " + record.path("lastScan").path("pages").asInt());
        return out;
    }

    /** FLANDERS and the provinces from the topology's own totals topic: what another organisation reads. */
    private static Map<String, String> topologyTotals(JarRun run) {
        String[] addresses = addresses(run);
        try (TopicReader<UptakeSummary> reader = TopicReader.avro(addresses[0], addresses[1], Topics.UPTAKE_SUMMARY.topicName(),
                UptakeSummary.class)) {
            Map<String, String> totals = new TreeMap<>();
            reader.toEnd().latest().forEach((scope, s) -> totals.put(scope, s.getMunicipalities() + " " + new TreeMap<>(s.getCounts())));
            return totals;
        }
    }

    private static long deadLetters(JarRun run) {
        String[] addresses = addresses(run);
        try (TopicReader<?> reader = TopicReader.raw(addresses[0], Topics.DEAD_LETTERS.topicName())) {
            return reader.toEnd().records().size();
        }
    }

    /** The broker and registry of the run, from its "is up" line (the last one: a restart logs its own). */
    private static String[] addresses(JarRun run) {
        Matcher m = ADDRESSES.matcher(run.stderr());
        String[] found = null;
        while (m.find()) {
            found = new String[] {m.group(1), m.group(2)};
        }
        return Objects.requireNonNull(found, "no 'is up' line in the log of the run");
    }
}
