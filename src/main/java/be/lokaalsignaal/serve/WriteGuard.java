package be.lokaalsignaal.serve;

import be.lokaalsignaal.serve.reviews.LoginThrottle;
import be.lokaalsignaal.serve.reviews.LoginTokens;
import be.lokaalsignaal.serve.reviews.Reviewers;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every write request must pass before its body is read: it comes from this site (a page of
 * another site is refused), it says its body is JSON (which an HTML form cannot send), and it
 * carries a reviewer's credentials: the token of a login ({@code Authorization: Bearer}, the
 * dashboard) or a name and password ({@code Authorization: Basic}, scripts).
 *
 * <p>No credential is ever taken from a cookie, so a browser never adds one to a request on its own;
 * the Origin and Sec-Fetch-Site checks and the JSON requirement refuse a cross-site form post even
 * from a browser that remembers Basic credentials.
 */
final class WriteGuard {
    static final String REALM = "lokaal-signaal";
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

    private final Reviewers reviewers;
    private final LoginTokens tokens;
    private final LoginThrottle throttle;

    WriteGuard(Reviewers reviewers, LoginTokens tokens, LoginThrottle throttle) {
        this.reviewers = reviewers;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** The reviewer who sends this write request; refuses it otherwise. */
    String reviewer(Context ctx) {
        sameSiteJson(ctx);
        return authenticated(ctx);
    }

    /** 403 for a request from another site, 415 for a body that is not declared JSON. */
    static void sameSiteJson(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            throw ApiException.withStatus(403, "cross-site request refused (Sec-Fetch-Site: " + fetchSite + "): write requests come from this server's own pages or from programs");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw ApiException.withStatus(403, "cross-site request refused: Origin " + origin + " is not this server (" + ctx.header("Host") + ")");
        }
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiException.withStatus(415, "Content-Type must be application/json" + (type == null ? "" : ", not '" + type + "'"));
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host)
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The reviewer of a login token or of a name and password; 401 with a challenge otherwise. */
    String authenticated(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(ctx, "Bearer", "this needs a reviewer's login: POST /api/login, then Authorization: Bearer <token>; or Authorization: Basic");
        }
        String[] parts = header.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (scheme.equals("bearer")) {
            return tokens.check(value).map(LoginTokens.Login::reviewer)
                    .orElseThrow(() -> unauthorized(ctx, "Bearer", "the login token is not valid (expired, logged out or never issued); log in again"));
        }
        if (scheme.equals("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw unauthorized(ctx, "Basic", "the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw unauthorized(ctx, "Basic", "the Basic credentials are not NAME:PASSWORD");
            }
            return check(ctx, decoded.substring(0, colon), decoded.substring(colon + 1), "Basic");
        }
        throw unauthorized(ctx, "Bearer", "unknown authorization scheme '" + parts[0] + "'; use Bearer or Basic");
    }

    /** Checks a name and password, slowed down after repeated failures; the reviewer's name or 401/429. */
    String check(Context ctx, String name, String password, String scheme) {
        Optional<Duration> wait = throttle.blockedFor(name);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            throw ApiException.withStatus(429, "too many wrong passwords for '" + name + "'; try again in " + seconds + " s");
        }
        Optional<String> reviewer = reviewers.authenticate(name, password);
        if (reviewer.isEmpty()) {
            throttle.failed(name);
            throw unauthorized(ctx, scheme, "wrong reviewer name or password");
        }
        throttle.succeeded(name);
        return reviewer.get();
    }

    private static ApiException unauthorized(Context ctx, String scheme, String message) {
        ctx.header("WWW-Authenticate", scheme + " realm=\"" + REALM + "\"" + (scheme.equals("Basic") ? ", charset=\"UTF-8\"" : ""));
        return ApiException.withStatus(401, message);
    }
}
