package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.register.Register;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A start and a stop as a user does them, on a fresh data directory and again on the same one, with
 * the load that made the start noisy: every municipality of the bundled register, the bundled history,
 * and a scan round over every website (each served by one small loopback site: a round in which every
 * website fails is itself worth a warning). Nothing the project logs, nothing Kafka's producers log
 * and nothing the broker logs about their appends may be a warning or an error.
 */
class CleanStartIT {
    /** A liveness bound only: the machine may be busy. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    /** The loggers whose warnings a user would take for trouble: ours, the producers', the broker's side of their appends, Streams' config. */
    private static final List<String> WATCHED = List.of(
            "be.lokaalsignaal",
            "org.apache.kafka.clients.producer",
            "kafka.server.ReplicaManager",
            "org.apache.kafka.streams.StreamsConfig");

    @Test
    void aCleanStartAndStopOnAFreshDataDirectoryAndOnARestartLogNoErrorOrWarning() throws IOException {
        // not under the OS temp directory, which Kafka Streams warns about for its state
        Path dataDir = Files.createDirectories(Path.of("target", "clean-start-" + UUID.randomUUID()).toAbsolutePath());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (LoopbackSite site = LoopbackSite.start("www.gemeente.test")) {
            site.page("/", "Welkom", "<p>Het gemeentehuis is open van maandag tot vrijdag.</p>");
            Path register = dataDir.resolve("gemeenten.csv");
            Map<String, String> hosts = registerServedBy(site, register);
            Settings settings = TestSettings.embedded(dataDir).municipalities(register).resolve(hosts).allowPrivateHosts()
                    .crawlDelay(Duration.ZERO).build();
            for (String run : List.of("fresh data directory", "restart")) {
                Instant started = Instant.now();
                try (Application app = Application.start(settings)) {
                    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> settled(app, register, started));
                }
                assertThat(flagged(log)).as("warnings and errors after the start and stop on a %s", run).isEmpty();
            }
        } finally {
            root.detachAppender(log);
            deleteRecursively(dataDir);
        }
    }

    /**
     * Writes the municipalities in force today, each with its own website host on the loopback site's
     * port, as a register file; answers the host-to-IP overrides that send the crawler there.
     */
    private static Map<String, String> registerServedBy(LoopbackSite site, Path csv) throws IOException {
        int port = URI.create(site.url()).getPort();
        Map<String, String> hosts = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of("nis_code,name,province,website,centrumstad"));
        for (Municipality m : Register.bundled().inForceOn(LocalDate.now(ZoneId.of("Europe/Brussels")))) {
            String host = URI.create(m.getWebsite()).getHost().toLowerCase(Locale.ROOT);
            hosts.put(host, "127.0.0.1");
            lines.add(String.join(",", m.getNisCode(), "\"" + m.getName() + "\"", m.getProvince(),
                    "http://" + host + ":" + port + "/", String.valueOf(m.getCentreCity())));
        }
        Files.write(csv, lines);
        return hosts;
    }

    /** Every municipality is published and carries the outcome of this start's scan of its website. */
    private static boolean settled(Application app, Path csv, Instant started) {
        Register register = Register.load(csv).register();
        Set<String> scanned = register.withWebsiteOn(LocalDate.now(ZoneId.of("Europe/Brussels"))).stream()
                .map(Municipality::getNisCode).collect(Collectors.toSet());
        Map<String, MunicipalityUptake> latest;
        try {
            latest = app.stores().all().stream().collect(Collectors.toMap(MunicipalityUptake::getNisCode, Function.identity()));
        } catch (RuntimeException notQueryableYet) {
            return false;
        }
        return register.all().stream().allMatch(m -> latest.containsKey(m.getNisCode()))
                && scanned.stream().allMatch(nis -> {
                    ScanSummary scan = latest.get(nis).getLastScan();
                    Instant at = scan == null ? null : scan.getStartedAt() != null ? scan.getStartedAt() : scan.getCompletedAt();
                    return at != null && !at.isBefore(started) && !"STARTED".equals(scan.getStatus());
                });
    }

    private static List<String> flagged(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .filter(e -> WATCHED.stream().anyMatch(name -> e.getLoggerName().startsWith(name)))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
                    .toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
