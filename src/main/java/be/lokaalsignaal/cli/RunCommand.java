package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.Application;
import be.lokaalsignaal.app.Settings;
import be.lokaalsignaal.app.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the whole system in one process, on an embedded broker and registry unless a cluster is given. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Starts lokaal-signaal: sources, crawler workers, the uptake topology and the HTTP API + dashboard.",
            "Without --bootstrap-servers it also starts an embedded Kafka broker and schema registry, with their data in --data-dir."})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port of the API and dashboard (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "Address the HTTP server, and the embedded broker and registry, bind to (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String httpHost;

    @Option(names = "--advertised-host",
            description = "Host name other machines use to reach this instance: its HTTP port and the embedded broker and registry (default: the --http-host, or localhost).")
    String advertisedHost;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--application-id", defaultValue = "lokaal-signaal", description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of topics this instance creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", description = "Replication factor of topics this instance creates (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--standby-replicas", defaultValue = "0", description = "Standby copies of each state store on other instances, so queries survive an instance loss (default: ${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--municipalities", paramLabel = "FILE", description = "CSV nis_code,name,province,website[,centrumstad] replacing the bundled register.")
    Path municipalities;

    @Option(names = "--signals", paramLabel = "FILE", description = "YAML signal rule catalogue replacing the bundled one.")
    Path signals;

    @Option(names = "--newsletters", paramLabel = "DIR", description = "Directory of newsletter issues (.html, .eml).")
    Path newsletters;

    @Option(names = "--newsletter-feed", paramLabel = "URL", description = "RSS or Atom feed of the newsletter archive, polled hourly.")
    String newsletterFeed;

    @Option(names = "--sessions", paramLabel = "FILE", description = "Learning-network sessions (YAML or CSV).")
    Path sessions;

    @Option(names = "--no-initial-scan", negatable = false, description = "Do not scan at start; wait for the first --scan-interval.")
    boolean noInitialScan;

    @Option(names = "--scan-interval", defaultValue = "P7D", description = "Time between scans of every website, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration scanInterval;

    @Option(names = "--no-crawler", negatable = false, description = "Run no crawler workers in this instance.")
    boolean noCrawler;

    @Option(names = "--crawl-delay", defaultValue = "PT1S", description = "Pause between requests to one host; a larger robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE}).")
    Duration crawlDelay;

    @Option(names = "--crawl-concurrency", defaultValue = "16", description = "Sites crawled in parallel (default: ${DEFAULT-VALUE}).")
    int crawlConcurrency;

    @Option(names = "--max-pages", defaultValue = "500", description = "Pages fetched per site and scan (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--max-bytes", defaultValue = "5242880", description = "Bytes read per response; the rest is not read (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--crawl-timeout", defaultValue = "PT15S", description = "Connect and read timeout per request (default: ${DEFAULT-VALUE}).")
    Duration crawlTimeout;

    @Option(names = "--allow-private-hosts", negatable = false, description = "Allow crawling hosts on loopback or private addresses (tests, intranets).")
    boolean allowPrivateHosts;

    @Option(names = "--resolve", paramLabel = "HOST=IP",
            description = "Crawl HOST at address IP instead of asking DNS (like curl --resolve; repeatable). The address must still be public unless --allow-private-hosts.")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--user-agent", defaultValue = "lokaal-signaal/0.1 (+https://github.com/lokaal-signaal/lokaal-signaal)",
            description = "User-Agent of the crawler, with a contact URL (default: ${DEFAULT-VALUE}).")
    String userAgent;

    @Override
    public Integer call() throws Exception {
        Settings settings = validated();
        CountDownLatch stopped = new CountDownLatch(1);
        Application app = Application.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "lokaal-signaal-shutdown"));
        stopped.await();
        return 0;
    }

    /** The settings the options describe; a value the user must fix is a {@link UserError}. */
    Settings validated() {
        cluster.validated();
        if (httpPort < 0 || httpPort > 65535) {
            throw new UserError("--http-port " + httpPort + " is not a port number");
        }
        requireReadable(municipalities, "--municipalities");
        requireReadable(signals, "--signals");
        requireReadable(sessions, "--sessions");
        if (newsletters != null && !Files.isDirectory(newsletters)) {
            throw new UserError("--newsletters " + newsletters + ": no such directory");
        }
        requirePositive(scanInterval, "--scan-interval");
        requirePositive(crawlTimeout, "--crawl-timeout");
        if (crawlDelay.isNegative()) {
            throw new UserError("--crawl-delay " + crawlDelay + " is negative");
        }
        if (crawlConcurrency < 1 || maxPages < 1 || maxBytes < 1 || partitions < 1 || replicationFactor < 1 || standbyReplicas < 0) {
            throw new UserError("--crawl-concurrency, --max-pages, --max-bytes, --partitions and --replication-factor must be at least 1, --standby-replicas at least 0");
        }
        String advertised = advertisedHost != null ? advertisedHost : ("0.0.0.0".equals(httpHost) ? "localhost" : httpHost);
        return new Settings(cluster.absoluteDataDir(), httpHost, httpPort, advertised, cluster.bootstrapServers, cluster.schemaRegistryUrl, cluster.registryUserInfo,
                applicationId, partitions, replicationFactor, standbyReplicas, municipalities, signals, newsletters, newsletterFeed,
                Duration.ofHours(1), sessions, !noInitialScan, scanInterval, !noCrawler, crawlDelay, crawlConcurrency, maxPages, maxBytes,
                crawlTimeout, allowPrivateHosts, resolveOverrides(resolve), userAgent, cluster.embeddedPorts());
    }

    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Parses the --resolve values HOST=IP into host (lower case) to address; the address is a literal, never looked up. */
    static Map<String, String> resolveOverrides(List<String> values) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                throw new UserError("--resolve '" + value + "': expected HOST=IP, e.g. --resolve www.gemeente.be=192.0.2.10");
            }
            String host = value.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String ip = value.substring(eq + 1).strip();
            if (ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw new UserError("--resolve '" + value + "': '" + host + "' is not a host name; expected HOST=IP");
            }
            if (!IPV4.matcher(ip).matches() && !isIpv6Literal(ip)) {
                throw new UserError("--resolve '" + value + "': '" + ip + "' is not an IPv4 or IPv6 address; expected HOST=IP");
            }
            String before = overrides.putIfAbsent(host, ip);
            if (before != null && !before.equals(ip)) {
                throw new UserError("--resolve gives two addresses for " + host + ": " + before + " and " + ip);
            }
        }
        return overrides;
    }

    private static boolean isIpv6Literal(String ip) {
        if (!IPV6.matcher(ip).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up
            java.net.InetAddress.getByName(ip);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static void requireReadable(Path file, String option) {
        if (file != null && !Files.isReadable(file)) {
            throw new UserError(option + " " + file + ": no such file or not readable");
        }
    }

    private static void requirePositive(Duration d, String option) {
        if (d.isZero() || d.isNegative()) {
            throw new UserError(option + " " + d + " must be a positive duration");
        }
    }
}
