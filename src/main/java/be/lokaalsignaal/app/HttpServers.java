package be.lokaalsignaal.app;

import be.lokaalsignaal.serve.HttpApi;
import be.lokaalsignaal.serve.Readiness;
import be.lokaalsignaal.serve.UptakeSource;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.function.Consumer;

/** Starts the HTTP server, turning a taken port into a clear user error. */
final class HttpServers {
    private HttpServers() {}

    static HttpApi start(Settings settings, Readiness readiness, UptakeSource source, Consumer<JavalinConfig> extensions) {
        try {
            return HttpApi.start(settings.httpHost(), settings.httpPort(), readiness, source, Clock.systemDefaultZone(), extensions);
        } catch (RuntimeException e) {
            if (causedByBindFailure(e)) {
                throw new UserError("--http-port " + settings.httpPort() + " on " + settings.httpHost() + " is in use or not available; choose another with --http-port", e);
            }
            throw e;
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }
}
