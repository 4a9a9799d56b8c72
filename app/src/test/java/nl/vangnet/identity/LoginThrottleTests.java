package nl.vangnet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import nl.vangnet.shared.VangnetProperties;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            clock,
            new VangnetProperties(
                    null,
                    false,
                    null,
                    0,
                    new VangnetProperties.Login(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                    null,
                    null));

    @Test
    void locksAnAccountAfterTooManyFailuresAndUnlocksAfterTheLockout() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.2");
        assertThat(throttle.waitFor("ada", "10.0.0.3")).isZero();
        throttle.failed("ADA ", "10.0.0.3");
        assertThat(throttle.waitFor("ada", "10.0.0.4")).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("ada", "10.0.0.4")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.waitFor("ada", "10.0.0.4")).isZero();
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        throttle.failed("bob", "10.0.0.1");
        throttle.failed("bob", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("bob", "10.0.0.1");
        assertThat(throttle.waitFor("bob", "10.0.0.9")).isZero();
    }

    @Test
    void locksAClientThatTriesManyAccounts() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.waitFor("someone-else", "192.0.2.7")).isPositive();
        assertThat(throttle.waitFor("someone-else", "192.0.2.8")).isZero();
    }

    @Test
    void successClearsTheAccountCount() {
        throttle.failed("cem", "10.0.0.1");
        throttle.failed("cem", "10.0.0.1");
        throttle.succeeded("cem");
        throttle.failed("cem", "10.0.0.1");
        assertThat(throttle.waitFor("cem", "10.0.0.1")).isZero();
    }
}
