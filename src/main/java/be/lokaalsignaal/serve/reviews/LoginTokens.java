package be.lokaalsignaal.serve.reviews;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens handed out at login, held in this instance's memory only: the dashboard keeps its token
 * in memory too (never in a cookie or in storage) and sends it as {@code Authorization: Bearer}, which
 * a page of another site cannot make a browser send. A token ends at logout, after its lifetime, or
 * when the instance restarts.
 */
public final class LoginTokens {
    public static final Duration LIFETIME = Duration.ofHours(10);
    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Who logged in and until when the token holds. */
    public record Login(String reviewer, Instant expiresAt) {}

    public LoginTokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(String reviewer) {
        forgetExpired();
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        logins.put(token, new Login(reviewer, clock.instant().plus(LIFETIME)));
        return token;
    }

    public Optional<Login> check(String token) {
        Login login = token == null ? null : logins.get(token);
        if (login == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(login.expiresAt())) {
            logins.remove(token);
            return Optional.empty();
        }
        return Optional.of(login);
    }

    public void revoke(String token) {
        if (token != null) {
            logins.remove(token);
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        logins.values().removeIf(l -> !now.isBefore(l.expiresAt()));
    }
}
