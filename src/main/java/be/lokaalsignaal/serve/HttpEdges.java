package be.lokaalsignaal.serve;

import be.lokaalsignaal.text.StrictUtf8;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every answer of the HTTP server shares, whatever route or part of the server gives it:
 * errors as JSON {@code {"error": "..."}} (also those Jetty writes itself for a request it cannot
 * parse), security headers, a 405 with {@code Allow} for a method a path does not take, and a 400
 * naming the parameter for a query string that does not decode (a malformed percent-escape, bytes
 * that are not UTF-8, a NUL or another control character) instead of a parameter silently dropped.
 */
final class HttpEdges {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEdges.class);

    /** Marks a context whose error body is written, so that the status handlers do not write another. */
    static final String ERROR_WRITTEN = "lokaalsignaal.errorWritten";

    /** The dashboard's policy: everything from this server, nothing framed elsewhere. */
    static final String DASHBOARD_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    /** The policy of everything else (JSON, CSV, errors): nothing to load, nowhere to be framed. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Headers on every answer; the Content-Security-Policy is added per kind of answer. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private HttpEdges() {}

    /** Before the server starts: 405 for known paths, and Jetty's own error answers in JSON. */
    static void configure(JavalinConfig config) {
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
    }

    private static final Set<HandlerType> WITH_BODY = EnumSet.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** On the running app: headers and query checks before every route, errors after. */
    static void install(Javalin app) {
        app.before(ctx -> {
            if (WITH_BODY.contains(ctx.method())) {
                // read before anything can refuse the request: Jetty closes the connection on an unread body, and a
                // client still sending it then gets a broken pipe instead of the answer (Javalin keeps the bytes)
                ctx.bodyAsBytes();
            }
            SECURITY_HEADERS.forEach(ctx::header);
            ctx.header("Content-Security-Policy", DATA_POLICY);
            checkQuery(ctx.queryString());
        });
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            ctx.header("Allow", allow(e.getDetails().get("availableMethods")));
            error(ctx, 405, "method " + ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + ctx.res().getHeader("Allow"));
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), e.getStatus() == 404 ? "no such path: " + ctx.path() : e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                ctx.json(Map.of("error", "no such path: " + ctx.path()));
            }
        });
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(Map.of("error", message));
    }

    /** The methods a path takes; HEAD goes with GET. */
    static String allow(String available) {
        Set<String> methods = new LinkedHashSet<>();
        if (available != null) {
            for (String m : available.split(",")) {
                if (!m.isBlank()) {
                    methods.add(m.strip());
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    /**
     * Refuses a query string whose names or values do not decode strictly: a malformed escape, bytes
     * that are not UTF-8, or a control character (NUL included) after decoding.
     *
     * @throws ApiException 400 naming the parameter
     */
    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, null);
            if (eq >= 0) {
                decode(pair.substring(eq + 1), name);
            }
        }
    }

    /** Decodes one name or value; {@code parameter} is null while decoding the name itself. */
    private static String decode(String raw, String parameter) {
        String what = parameter == null ? "a parameter name ('" + printable(raw) + "')" : "parameter '" + parameter + "'";
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw ApiException.badRequest(what + ": malformed percent-escape '"
                            + printable(raw.substring(i, Math.min(raw.length(), i + 3))) + "'; write % as %25");
                }
                bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c > 0x7f) {
                throw ApiException.badRequest(what + ": unencoded non-ASCII character; percent-encode it as UTF-8");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(what + ": not valid UTF-8 after decoding its percent-escapes");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ApiException.badRequest(what + ": contains a control character (" + (c == 0 ? "NUL" : String.format("U+%04X", (int) c))
                        + ")");
            }
        }
        return decoded;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Raw request text for a message: at most 40 characters, control characters shown as escapes. */
    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        StringBuilder out = new StringBuilder();
        CharBuffer.wrap(cut).chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** Logs what the client never sees: the cause of a 500. */
    static void internalError(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error");
    }
}
