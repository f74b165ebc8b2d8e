package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            "/api/openapi.json");

    /** Seconds a client is told to wait while the stores restore or rebalance. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<SignalKind> ALL_KINDS = EnumSet.allOf(SignalKind.class);

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
        return start(host, port, ready, Unavailable.INSTANCE, Clock.systemDefaultZone());
    }

    public static HttpApi start(String host, int port, Supplier<Boolean> ready, UptakeSource source) {
        return start(host, port, ready, source, Clock.systemDefaultZone());
    }

    /**
     * Starts the server on the host (127.0.0.1, or 0.0.0.0 for all interfaces) and port (0 for a free one).
     *
     * @param ready tells whether every part of the system is running; health answers 503 until then
     * @param clock gives today, in Europe/Brussels, for the default as-of date
     */
    public static HttpApi start(String host, int port, Supplier<Boolean> ready, UptakeSource source, Clock clock) {
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
        });
        Routes routes = new Routes(source, clock);
        HttpEdges.install(app);

        HttpApi api = new HttpApi(app);
        app.get("/api/health", ctx -> {
            Query.of(ctx.queryParamMap(), Set.of());
            Optional<String> outage = api.outage.get();
            if (outage.isPresent()) {
                ctx.status(503).json(Map.of("status", "DOWN", "reason", outage.get()));
                return;
            }
            boolean up = ready.get();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "STARTING"));
        });
        app.get("/api/municipalities", routes::municipalities);
        app.get("/api/municipalities/{nis}", routes::municipality);
        app.get("/api/summary", routes::summary);
        app.get("/api/timeline", routes::timeline);
        app.get("/api/calls", routes::calls);
        app.get("/api/practices", routes::practices);
        app.get("/api/scans/latest", routes::latestScan);
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

    /** The data endpoints. */
    private static final class Routes {
        private final UptakeSource source;
        private final Clock clock;

        Routes(UptakeSource source, Clock clock) {
            this.source = source;
            this.clock = clock;
        }

        private LocalDate today() {
            return LocalDate.now(clock.withZone(Timeline.ZONE));
        }

        private List<MunicipalityUptake> list(LocalDate asOf, SignalKind signal, String province, Boolean centreCity)
                throws StoreUnavailableException {
            List<MunicipalityUptake> out = new ArrayList<>();
            for (MunicipalityUptake m : source.municipalities(asOf)) {
                if ((signal == null || Views.present(m, signal))
                        && (province == null || province.equals(m.getProvince()))
                        && (centreCity == null || centreCity == m.getCentreCity())) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparing(MunicipalityUptake::getNisCode));
            return out;
        }

        void municipalities(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("signal", "province", "centreCity", "asOf", "format"));
            SignalKind signal = q.kind("signal", ALL_KINDS);
            String province = q.province();
            Boolean centreCity = q.bool("centreCity");
            LocalDate asOf = q.asOf(today());
            Query.Format format = q.format();
            List<MunicipalityUptake> list = list(asOf, signal, province, centreCity);
            if (format == Query.Format.CSV) {
                csv(ctx, "municipalities-" + day(asOf) + ".csv", Views.MUNICIPALITY_CSV_HEADER,
                        list.stream().map(Views::municipalityCsvRow).toList());
            } else {
                ctx.json(list.stream().map(Views::municipality).toList());
            }
        }

        void municipality(Context ctx) throws StoreUnavailableException {
            String nis = Query.nisCode(ctx.pathParam("nis"));
            Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
            LocalDate asOf = q.asOf(today());
            Query.Format format = q.format();
            MunicipalityUptake m = source.municipality(nis, asOf)
                    .orElseThrow(() -> ApiException.notFound("no municipality with NIS code " + nis));
            if (format == Query.Format.CSV) {
                csv(ctx, "municipality-" + nis + "-" + day(asOf) + ".csv", Views.MUNICIPALITY_CSV_HEADER,
                        List.of(Views.municipalityCsvRow(m)));
            } else {
                ctx.json(Views.municipality(m));
            }
        }

        void summary(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
            LocalDate asOf = q.asOf(today());
            Query.Format format = q.format();
            // exactly the list /api/municipalities?asOf= returns, so the totals always match it
            Map<String, Object> summary = Views.summary(day(asOf), list(asOf, null, null, null));
            if (format == Query.Format.CSV) {
                csv(ctx, "summary-" + day(asOf) + ".csv", Views.summaryCsvHeader(), Views.summaryCsvRows(summary));
            } else {
                ctx.json(summary);
            }
        }

        void timeline(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
            LocalDate asOf = q.asOf(today());
            Query.Format format = q.format();
            List<MunicipalityUptake> list = list(asOf, null, null, null);
            if (format == Query.Format.CSV) {
                csv(ctx, "timeline-" + day(asOf) + ".csv", List.of("date", "count"),
                        Timeline.points(list, day(asOf)).stream().map(p -> List.<Object>of(p.date(), p.count())).toList());
            } else {
                ctx.json(Timeline.view(day(asOf), list, source.calls(), source.newsletterIssues(), source.sessions()));
            }
        }

        void calls(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("format"));
            Query.Format format = q.format();
            List<CallUptake> calls = source.calls().stream()
                    .sorted(Comparator.comparing(CallUptake::getCallDate).thenComparing(CallUptake::getCallId))
                    .toList();
            if (format == Query.Format.CSV) {
                csv(ctx, "calls.csv", Views.CALL_CSV_HEADER, calls.stream().map(Views::callCsvRow).toList());
            } else {
                ctx.json(calls.stream().map(Views::call).toList());
            }
        }

        void practices(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("kind", "province", "centreCity", "asOf", "format"));
            SignalKind kind = q.kind("kind", Views.PRACTICE_KINDS);
            String province = q.province();
            Boolean centreCity = q.bool("centreCity");
            LocalDate asOf = q.asOf(today());
            Query.Format format = q.format();
            List<Map<String, Object>> practices = Views.practices(list(asOf, null, province, centreCity), kind);
            if (format == Query.Format.CSV) {
                csv(ctx, "practices-" + day(asOf) + ".csv", Views.PRACTICE_CSV_HEADER,
                        practices.stream().map(Views::practiceCsvRow).toList());
            } else {
                ctx.json(practices);
            }
        }

        void latestScan(Context ctx) throws StoreUnavailableException {
            Query q = Query.of(ctx.queryParamMap(), Set.of("format"));
            Query.Format format = q.format();
            ScanProgress scan = source.latestScan();
            if (format == Query.Format.CSV) {
                csv(ctx, "scan-latest.csv", Views.SCAN_CSV_HEADER, Views.sortedScans(scan).stream()
                        .map(s -> List.<Object>of(s.nisCode(), s.name(), s.status(), s.pages())).toList());
            } else {
                ctx.json(Views.scan(scan));
            }
        }

        private LocalDate day(LocalDate asOf) {
            return asOf == null ? today() : asOf;
        }

        private static void csv(Context ctx, String filename, List<String> header, List<List<Object>> rows) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            ctx.result(Csv.write(header, rows).getBytes(StandardCharsets.UTF_8));
        }
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
