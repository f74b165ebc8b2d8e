package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.RestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the schema registry answers, for health: asked every few seconds for its subjects. While
 * it does not answer, nothing that needs a schema id moves (publishing, reading, the topology wait
 * for it), so health says DOWN with the reason instead of UP over data that stopped changing.
 */
final class RegistryWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryWatch.class);
    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String registryUrl;
    private final HttpRequest probe;
    private final Supplier<Optional<String>> known;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile String outage;
    private Instant since;

    /**
     * @param known an outage known without asking (an embedded registry that died and is restarting)
     */
    RegistryWatch(String registryUrl, String userInfo, Supplier<Optional<String>> known) {
        this.registryUrl = registryUrl;
        this.known = known;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(new RestSchemaRegistry(registryUrl, userInfo, TIMEOUT).baseUrl() + "/subjects"))
                .timeout(TIMEOUT).GET();
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        this.probe = request.build();
    }

    RegistryWatch start() {
        timer.scheduleWithFixedDelay(this::probe, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Why the registry cannot serve now, or empty while it answers. */
    Optional<String> outage() {
        Optional<String> embedded = known.get();
        return embedded.isPresent() ? embedded : Optional.ofNullable(outage);
    }

    private void probe() {
        String failure;
        try {
            int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            failure = status == 200 ? null : "answers HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failure = "does not answer (" + e.getClass().getSimpleName() + ")";
        }
        if (failure == null) {
            if (outage != null) {
                log.info("the schema registry at {} answers again", registryUrl);
            }
            outage = null;
            since = null;
            return;
        }
        if (since == null) {
            since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            log.warn("the schema registry at {} {}; processing waits for it", registryUrl, failure);
        }
        outage = "the schema registry at " + registryUrl + " " + failure + " since " + since
                + "; publishing and processing wait for it, nothing is skipped";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
