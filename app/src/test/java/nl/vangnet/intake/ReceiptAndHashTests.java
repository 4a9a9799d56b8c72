package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptAndHashTests {

    private static final IntakeProperties CHEAP =
            new IntakeProperties(new IntakeProperties.ReceiptHash(1024, 1, 1, 2), null, null);

    @Test
    void aReceiptHasTwentyDigitsInFiveGroupsAndNeverPrintsItsSecret() {
        Receipt receipt = Receipt.random();
        assertThat(receipt.formatted()).matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{4}");
        assertThat(receipt.toString()).doesNotContain(receipt.secret());
        assertThat(Receipt.parse(receipt.formatted())).contains(receipt);
        assertThat(Receipt.parse(receipt.formatted().replace(' ', '-'))).contains(receipt);
        assertThat(Receipt.parse(receipt.lookupId() + receipt.secret())).contains(receipt);
    }

    @Test
    void somethingElseIsNotAReceipt() {
        assertThat(Receipt.parse("1234 5678 9012 3456 789")).isEmpty();
        assertThat(Receipt.parse("1234 5678 9012 3456 789a")).isEmpty();
        assertThat(Receipt.parse("")).isEmpty();
        assertThat(Receipt.parse("1".repeat(100))).isEmpty();
    }

    @Test
    void receiptsAreRandom() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(Receipt.random().formatted());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void argon2idHashesMatchOnlyTheirSecretAndCarryTheirParameters() {
        SecretHasher hasher = new SecretHasher(CHEAP);
        SecretHasher.Hash hash = hasher.hash("123456789012");
        assertThat(hash.parameters()).isEqualTo("argon2id;v=19;m=1024;t=1;p=1");
        assertThat(hash.value()).hasSize(32);
        assertThat(hasher.matches("123456789012", hash)).isTrue();
        assertThat(hasher.matches("123456789013", hash)).isFalse();
        assertThat(hasher.hash("123456789012").value()).as("salted").isNotEqualTo(hash.value());
        // A hash made with other parameters still verifies: the parameters travel with it.
        SecretHasher stronger =
                new SecretHasher(new IntakeProperties(new IntakeProperties.ReceiptHash(2048, 2, 1, 2), null, null));
        assertThat(stronger.matches("123456789012", hash)).isTrue();
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void guessingIsThrottledPerClientWithoutAffectingOthersUntilTheLockExpires() {
        MovableClock clock = new MovableClock();
        LookupThrottle throttle = new LookupThrottle(
                clock,
                new IntakeProperties(
                        null,
                        new IntakeProperties.Lookup(
                                3, 100, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)),
                        null));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("192.0.2.1")).isZero();
            throttle.failed("192.0.2.1");
        }
        assertThat(throttle.waitFor("192.0.2.1")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("192.0.2.2")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("192.0.2.1")).isZero();
    }

    @Test
    void guessingFromManyClientsHitsTheGlobalLimit() {
        MovableClock clock = new MovableClock();
        LookupThrottle throttle = new LookupThrottle(
                clock,
                new IntakeProperties(
                        null,
                        new IntakeProperties.Lookup(
                                10, 5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)),
                        null));
        for (int i = 0; i < 5; i++) {
            throttle.failed("198.51.100." + i);
        }
        assertThat(throttle.waitFor("203.0.113.9")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(throttle.waitFor("203.0.113.9")).isZero();
    }
}
