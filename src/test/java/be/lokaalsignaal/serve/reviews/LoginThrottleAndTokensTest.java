package be.lokaalsignaal.serve.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginThrottleAndTokensTest {
    private Instant now = Instant.parse("2025-06-30T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void five_failures_block_the_name_until_the_oldest_leaves_the_window() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blockedFor("an.peeters")).isEmpty();
            throttle.failed("an.peeters");
            now = now.plusSeconds(60);
        }

        assertThat(throttle.blockedFor("an.peeters")).hasValue(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("bart.claes")).isEmpty();
        now = now.plus(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("an.peeters")).isEmpty();
    }

    @Test
    void a_success_forgets_the_failures() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("an.peeters");
        }
        throttle.succeeded("an.peeters");
        throttle.failed("an.peeters");

        assertThat(throttle.blockedFor("an.peeters")).isEmpty();
    }

    @Test
    void a_token_holds_for_its_lifetime_and_not_after_logout() {
        LoginTokens tokens = new LoginTokens(clock);
        String token = tokens.issue("an.peeters");
        String other = tokens.issue("an.peeters");

        assertThat(token).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(other);
        assertThat(tokens.check(token)).map(LoginTokens.Login::reviewer).hasValue("an.peeters");
        tokens.revoke(other);
        assertThat(tokens.check(other)).isEmpty();
        now = now.plus(LoginTokens.LIFETIME);
        assertThat(tokens.check(token)).isEmpty();
    }
}
