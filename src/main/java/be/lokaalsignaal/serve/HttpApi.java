package be.lokaalsignaal.serve;

import io.javalin.Javalin;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP server: the JSON API under /api and the dashboard at /. Read-only.
 */
public final class HttpApi implements AutoCloseable {
    private final Javalin app;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /**
     * Starts the server on 127.0.0.1 or all interfaces.
     *
     * @param ready tells whether every part of the system is running; health answers 503 until then
     */
    public static HttpApi start(String host, int port, Supplier<Boolean> ready) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
        });
        app.get("/api/health", ctx -> {
            boolean up = ready.get();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "STARTING"));
        });
        app.exception(Exception.class, (e, ctx) -> ctx.status(500).json(Map.of("error", "internal error")));
        app.start(host, port);
        return new HttpApi(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
