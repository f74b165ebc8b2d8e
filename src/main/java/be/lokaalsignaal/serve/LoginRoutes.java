package be.lokaalsignaal.serve;

import be.lokaalsignaal.serve.reviews.LoginTokens;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/login} with {@code {"name": "...", "password": "..."}} answers a token for
 * {@code Authorization: Bearer}; {@code POST /api/logout} ends it. The dashboard keeps the token in
 * the page's memory only. A login is a write request too: it must come from this site and be JSON,
 * so that no other site can log a browser in under its own name.
 */
final class LoginRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);
    static final String LOGIN = "/api/login";
    static final String LOGOUT = "/api/logout";

    private final WriteGuard guard;
    private final LoginTokens tokens;

    LoginRoutes(WriteGuard guard, LoginTokens tokens) {
        this.guard = guard;
        this.tokens = tokens;
    }

    void login(Context ctx) {
        WriteGuard.sameSiteJson(ctx);
        Query.of(ctx.queryParamMap(), Set.of());
        JsonBody body = JsonBody.parse(ctx.body(), Set.of("name", "password"));
        String name = body.text("name", true, 64);
        String password = body.text("password", true, 200);
        String reviewer = guard.check(ctx, name, password, "Bearer");
        String token = tokens.issue(reviewer);
        LOG.info("reviewer {} logged in", reviewer);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("reviewer", reviewer);
        out.put("expiresAt", tokens.check(token).map(LoginTokens.Login::expiresAt).orElse(null));
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }

    void logout(Context ctx) {
        String reviewer = guard.reviewer(ctx);
        Query.of(ctx.queryParamMap(), Set.of());
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).strip());
        }
        LOG.info("reviewer {} logged out", reviewer);
        ctx.status(204);
    }
}
