package be.lokaalsignaal.metrics;

import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request into {@code http.server.requests}, tagged with the route as declared
 * ({@code /api/municipalities/{nis}}, never the path as requested, so one series per route), the
 * method and the status, with a histogram for latency quantiles.
 */
final class HttpRequestMetrics implements RequestLogger {
    static final String NOT_FOUND = "NOT_FOUND";
    static final String STATIC = "static";

    private final MeterRegistry registry;

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        if (ctx.req().getDispatcherType() != DispatcherType.REQUEST) {
            // "/" is forwarded to index.html inside the server: one request, timed once
            return;
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tag("route", route(ctx))
                .tag("method", ctx.method().name())
                .tag("status", String.valueOf(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** The declared route; requests that matched none are one series for files and one for unknown paths. */
    static String route(Context ctx) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (IllegalStateException noEndpointMatched) {
            // files and unknown paths never reach an endpoint; Javalin refuses the question then
            route = null;
        }
        if (route == null || route.isEmpty() || "*".equals(route)) {
            return ctx.statusCode() == 404 ? NOT_FOUND : STATIC;
        }
        return route;
    }
}
