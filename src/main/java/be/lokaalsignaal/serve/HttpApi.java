package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP server: the read-only JSON/CSV API under /api and the dashboard at /. Everything it
 * shows comes from an {@link UptakeSource}; see docs/api.md for the contract.
 */
public final class HttpApi implements AutoCloseable {
    /** Every API path, as documented in openapi.json. */
    public static final List<String> PATHS = List.of(
            "/api/health",
            "/api/municipalities",
            "/api/municipalities/{nis}",
            "/api/summary",
            "/api/timeline",
            "/api/calls",
            "/api/practices",
            "/api/scans/latest",
            "/api/report",
            "/api/openapi.json",
            About.PATH);

    /** Seconds a client is told to wait while the stores restore or rebalance. */
    static final int RETRY_AFTER_SECONDS = 5;


    private final Javalin app;
    private volatile Supplier<Optional<String>> outage = Optional::empty;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /** A part the data depends on that is out (the schema registry): health says DOWN with the reason meanwhile. */
    public void reportOutage(Supplier<Optional<String>> outage) {
        this.outage = outage;
    }

    /** Starts the server with only the health endpoint answering; data endpoints answer 503. */
    public static HttpApi start(String host, int port, Supplier<Boolean> ready) {
        return start(host, port, Readiness.of(ready), Unavailable.INSTANCE, Clock.systemDefaultZone());
    }

    public static HttpApi start(String host, int port, Supplier<Boolean> ready, UptakeSource source) {
        return start(host, port, Readiness.of(ready), source, Clock.systemDefaultZone());
    }

    public static HttpApi start(String host, int port, Supplier<Boolean> ready, UptakeSource source, Clock clock) {
        return start(host, port, Readiness.of(ready), source, clock);
    }

    /**
     * Starts the server on the host (127.0.0.1, or 0.0.0.0 for all interfaces) and port (0 for a free one).
     *
     * @param readiness tells whether the data is there; health answers 503 with what is missing until then
     * @param clock gives today, in Europe/Brussels, for the default as-of date
     */
    public static HttpApi start(String host, int port, Readiness readiness, UptakeSource source, Clock clock) {
        return start(host, port, readiness, source, clock, config -> { });
    }

    /** As above, with what other parts add to the server's configuration: routes of their own, a request logger. */
    public static HttpApi start(String host, int port, Readiness readiness, UptakeSource source, Clock clock,
            Consumer<JavalinConfig> extensions) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        byte[] openApi = resource("/openapi.json");
        Javalin app = Javalin.create(config -> {
            HttpEdges.configure(config);
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = dashboardHeaders();
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/geo";
                files.directory = "/geo";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/register";
                files.directory = "/register";
                files.location = Location.CLASSPATH;
            });
            extensions.accept(config);
        });
        DataRoutes routes = new DataRoutes(source, clock, new MunicipalityJson(mapper));
        Report report = new Report(routes, clock);
        HttpEdges.install(app);

        HttpApi api = new HttpApi(app);
        app.get("/api/health", ctx -> {
            Query.of(ctx.queryParamMap(), Set.of());
            Optional<String> outage = api.outage.get();
            if (outage.isPresent()) {
                ctx.status(503).json(Map.of("status", "DOWN", "reason", outage.get()));
                return;
            }
            Readiness.Health health = readiness.check();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", health.up() ? "UP" : "STARTING");
            if (!health.up()) {
                body.put("waitingFor", health.waitingFor());
            }
            ctx.status(health.up() ? 200 : 503).json(body);
        });
        app.get("/api/municipalities", routes::municipalities);
        app.get("/api/municipalities/{nis}", routes::municipality);
        app.get("/api/summary", routes::summary);
        app.get("/api/timeline", routes::timeline);
        app.get("/api/calls", routes::calls);
        app.get("/api/practices", routes::practices);
        app.get("/api/scans/latest", routes::latestScan);
        app.get("/api/report", report::handle);
        app.get("/api/openapi.json", ctx -> {
            Query.of(ctx.queryParamMap(), Set.of());
            ctx.contentType("application/json").result(openApi);
        });

        if (source instanceof PeerEndpoints peers) {
            peers.register(app);
        }

        app.exception(ApiException.class, (e, ctx) -> HttpEdges.error(ctx, e.status(), e.getMessage()));
        app.exception(StoreUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            HttpEdges.error(ctx, 503, "the data stores are not available right now (" + e.getMessage() + "); retry later");
        });
        app.exception(Exception.class, HttpEdges::internalError);
        app.start(host, port);
        return api;
    }

    private static Map<String, String> dashboardHeaders() {
        Map<String, String> headers = new java.util.HashMap<>(HttpEdges.SECURITY_HEADERS);
        // the dashboard loads nothing from elsewhere: its libraries are in the jar
        headers.put("Content-Security-Policy", HttpEdges.DASHBOARD_POLICY);
        return headers;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The source before the stores are wired: every data request answers 503. */
    private enum Unavailable implements UptakeSource {
        INSTANCE;

        private static StoreUnavailableException exception() {
            return new StoreUnavailableException("no data source connected yet");
        }

        @Override
        public List<MunicipalityUptake> municipalities(LocalDate asOf) throws StoreUnavailableException {
            throw exception();
        }

        @Override
        public Optional<MunicipalityUptake> municipality(String nisCode, LocalDate asOf) throws StoreUnavailableException {
            throw exception();
        }

        @Override
        public List<CallUptake> calls() throws StoreUnavailableException {
            throw exception();
        }

        @Override
        public List<NewsletterIssue> newsletterIssues() throws StoreUnavailableException {
            throw exception();
        }

        @Override
        public List<LearningNetworkSession> sessions() throws StoreUnavailableException {
            throw exception();
        }

        @Override
        public ScanProgress latestScan() throws StoreUnavailableException {
            throw exception();
        }
    }
}
