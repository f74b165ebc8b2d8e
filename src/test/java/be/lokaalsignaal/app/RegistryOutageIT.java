package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.testkit.JarRun;
import be.lokaalsignaal.testkit.SlowSites;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry dies mid-scan and nothing is lost. The packaged jar scans slow sites of its
 * own whose pages are held back until the registry is frozen (SIGSTOP: it accepts connections and
 * answers nothing). The registry is frozen as soon as the round runs, while the topology is still
 * starting, so that the topology's first writes to its own stores (whose subjects are registered on
 * first use) meet a registry that does not answer: once the application has registered or looked up
 * a schema it needs the registry no more for it, and a freeze after start-up may meet no part at
 * all. Then the frozen registry is killed and the application restarts it. Health says DOWN with
 * the reason meanwhile; a part says it waits; nothing reaches the dead-letter topic; once the
 * registry is back, the same round completes and every municipality's record is complete without a
 * new scan.
 */
class RegistryOutageIT {

    /** Liveness bounds only. */
    private static final Duration UP = Duration.ofMinutes(4);
    private static final Duration ROUND = Duration.ofMinutes(6);
    private static final Duration OUTAGE_SEEN = Duration.ofMinutes(1);
    private static final Set<SignalKind> ON_THE_SITE_ITSELF = EnumSet.of(SignalKind.SITE_LINK, SignalKind.SITE_MENTION);
    private static final Pattern ADDRESSES = Pattern.compile("Kafka bootstrap servers ([^,\\s]+), schema registry (\\S+)");

    @TempDir
    Path tmp;

    private final List<ProcessHandle> strays = new ArrayList<>();
    private JarRun run;
    private SlowSites sites;

    @AfterEach
    void leaveNothingBehind() {
        if (run != null) {
            run.close();
        }
        strays.forEach(ProcessHandle::destroyForcibly);
        if (sites != null) {
            sites.close();
        }
    }

    @Test
    void aRegistryThatStopsAnsweringAndDiesMidScanLosesNothingAndHealthSaysSoMeanwhile() throws Exception {
        sites = SlowSites.start(Duration.ofMillis(200), 10);
        sites.hold();
        Path register = tmp.resolve("municipalities.csv");
        Files.writeString(register, sites.registerCsv(), StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(sites.runOptions());
        // held pages must not time out: the hold lasts until the application is up
        options.addAll(List.of("--municipalities", register.toString(), "--crawl-concurrency", "4", "--crawl-timeout", "PT10M"));
        Path logs = Path.of("target", "registry-outage", "run");
        JarRun.deleteLogs(logs);
        run = JarRun.start(List.of(), "384m", tmp.resolve("data"), 0, logs, options);

        // the round starts while the topology starts: watch the round, not health
        JsonNode round = run.await("/api/scans/latest", p -> "RUNNING".equals(p.path("status").asText()), UP.plus(ROUND), "a scan round");
        String roundStarted = round.path("startedAt").asText();
        assertThat(round.path("municipalities").path("done").asInt()).as("no site done while its pages are held").isZero();

        // ---- the registry stops answering, then the first pages come
        ProcessHandle frozen = registryOf(run);
        signal("STOP", frozen.pid());
        JsonNode down = awaitHealth(503, "DOWN");
        assertThat(down.path("reason").asText()).contains("schema registry");
        sites.release();
        awaitLog("waits for the schema registry", ROUND);
        assertThat(run.get("/api/health").status()).as("health while the registry is frozen").isEqualTo(503);

        // ---- it dies; the application starts it again
        frozen.destroyForcibly();
        assertThat(frozen.onExit()).succeedsWithin(Duration.ofSeconds(30));
        long restarted = awaitNewRegistry(frozen.pid());
        assertThat(restarted).isNotEqualTo(frozen.pid());

        // ---- the same round completes, and every record is whole
        JsonNode complete = run.await("/api/scans/latest", p -> "COMPLETE".equals(p.path("status").asText()), ROUND, "the round complete");
        assertThat(complete.path("startedAt").asText()).as("the same round, no new one").isEqualTo(roundStarted);
        assertThat(complete.path("municipalities").path("failed").asInt()).isZero();
        Map<String, String> expected = new LinkedHashMap<>();
        sites.sites().forEach(s -> expected.put(s.nisCode(), describe(s.kinds(), "COMPLETED", s.pages())));
        Map<String, String> actual = new LinkedHashMap<>();
        long deadline = System.nanoTime() + ROUND.toNanos();
        do {
            actual.clear();
            for (SlowSites.Site site : sites.sites()) {
                run.get("/api/municipalities/" + site.nisCode()).ok().ifPresent(m -> actual.put(site.nisCode(), describe(m)));
            }
            if (actual.equals(expected)) {
                break;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        assertThat(actual).isEqualTo(expected);
        assertThat(run.awaitUp(UP).path("status").asText()).isEqualTo("UP");
        assertThat(deadLetters()).as("records in the dead-letter topic").isZero();
        assertThat(run.stderr()).contains("Embedded schema registry restarted");
    }

    /** Until a part of the application says in its log that it waits (not skips). */
    private void awaitLog(String text, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!run.stderr().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no part logged '" + text + "' within " + bound + "; stderr:\n" + run.tail());
            }
            Thread.sleep(500);
        }
    }

    private static String describe(Set<SignalKind> kinds, String lastScan, int pages) {
        List<String> found = kinds.stream().filter(ON_THE_SITE_ITSELF::contains).map(Enum::name).sorted().toList();
        return found + " " + lastScan + " " + pages;
    }

    private static String describe(JsonNode record) {
        Set<SignalKind> present = EnumSet.noneOf(SignalKind.class);
        record.path("signals").fields().forEachRemaining(e -> {
            if (e.getValue().path("present").asBoolean()) {
                present.add(SignalKind.parse(e.getKey()));
            }
        });
        return describe(present, record.path("lastScan").path("status").asText(), record.path("lastScan").path("pages").asInt());
    }

    private JsonNode awaitHealth(int status, String state) throws InterruptedException {
        long deadline = System.nanoTime() + OUTAGE_SEEN.toNanos();
        JarRun.Answer last;
        do {
            last = run.get("/api/health");
            if (last.status() == status && last.body() != null && state.equals(last.body().path("status").asText())) {
                return last.body();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("health never " + status + " " + state + "; last: " + last);
    }

    private long awaitNewRegistry(long old) throws InterruptedException {
        long deadline = System.nanoTime() + UP.toNanos();
        while (System.nanoTime() < deadline) {
            for (ProcessHandle p : run.children()) {
                if (p.pid() != old && p.isAlive() && p.info().commandLine().orElse("").contains("apicurio")) {
                    return p.pid();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new registry child; stderr:\n" + run.tail());
    }

    private ProcessHandle registryOf(JarRun jar) {
        ProcessHandle registry = jar.children().stream()
                .filter(p -> p.info().commandLine().orElse("").contains("apicurio"))
                .findFirst().orElseThrow(() -> new AssertionError("no registry child"));
        strays.add(registry);
        return registry;
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private long deadLetters() {
        Matcher m = ADDRESSES.matcher(run.stderr());
        assertThat(m.find()).isTrue();
        try (TopicReader<?> reader = TopicReader.raw(m.group(1), Topics.DEAD_LETTERS.topicName())) {
            return reader.toEnd().records().size();
        }
    }
}
