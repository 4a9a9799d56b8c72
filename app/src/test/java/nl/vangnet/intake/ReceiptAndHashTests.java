package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vangnet.shared.ClientKeys;
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

    private static LookupThrottle throttle(MovableClock clock, int perClient, int global, int perReceipt) {
        return new LookupThrottle(
                clock,
                new IntakeProperties(
                        null,
                        new IntakeProperties.Lookup(
                                perClient,
                                global,
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(15),
                                perReceipt),
                        null),
                new ClientKeys(),
                new SimpleMeterRegistry());
    }

    /** Fails one look-up, asserting it was admitted. */
    private static void fail(LookupThrottle throttle, String client, String lookupId) {
        LookupThrottle.Admission admission = throttle.admit(client, lookupId);
        assertThat(admission.admitted()).as("admitted").isTrue();
        admission.ticket().failed();
    }

    @Test
    void guessingIsThrottledPerClientWithoutAffectingOthersUntilTheLockExpires() {
        MovableClock clock = new MovableClock();
        LookupThrottle throttle = throttle(clock, 3, 100, 100);
        for (int i = 0; i < 3; i++) {
            fail(throttle, "192.0.2.1", "1000000" + i);
        }
        assertThat(throttle.admit("192.0.2.1", "10000009").retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.admit("192.0.2.2", "10000009").admitted()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.admit("192.0.2.1", "10000009").admitted()).isTrue();
    }

    @Test
    void attemptsStillBeingEvaluatedCountAgainstTheLimit() {
        LookupThrottle throttle = throttle(new MovableClock(), 3, 100, 100);
        List<LookupThrottle.Admission> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(throttle.admit("192.0.2.1", "12345678"));
        }
        assertThat(inFlight.stream().filter(LookupThrottle.Admission::admitted)).hasSize(3);
        // A right receipt gives its reservation back; the others' failures then lock the client.
        inFlight.get(0).ticket().close();
        assertThat(throttle.admit("192.0.2.1", "12345678").admitted()).isTrue();
    }

    @Test
    void aRightReceiptDoesNotWipeEarlierFailures() {
        LookupThrottle throttle = throttle(new MovableClock(), 3, 100, 100);
        fail(throttle, "192.0.2.1", "11111111");
        fail(throttle, "192.0.2.1", "11111112");
        try (LookupThrottle.Ticket own = throttle.admit("192.0.2.1", "22222222").ticket()) {
            assertThat(own).isNotNull();
        }
        fail(throttle, "192.0.2.1", "11111113");
        assertThat(throttle.admit("192.0.2.1", "22222222").admitted()).isFalse();
    }

    @Test
    void guessingFromManyClientsHitsTheGlobalLimitButNeverAClientsFirstAttempt() {
        MovableClock clock = new MovableClock();
        LookupThrottle throttle = throttle(clock, 10, 5, 100);
        for (int i = 0; i < 5; i++) {
            fail(throttle, "198.51.100.1", "3000000" + i);
        }
        // The guesser has failed before: it now waits for the global window.
        assertThat(throttle.admit("198.51.100.1", "30000009").retryAfter())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        // Someone who has not failed is still heard once, whatever the others did.
        LookupThrottle.Admission victim = throttle.admit("203.0.113.9", "40000000");
        assertThat(victim.admitted()).isTrue();
        victim.ticket().failed();
        assertThat(throttle.admit("203.0.113.9", "40000000").admitted())
                .as("after a failure the global limit applies to them too")
                .isFalse();
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(throttle.admit("198.51.100.1", "30000009").admitted()).isTrue();
    }

    @Test
    void aLookupNumberUnderAttackStillLetsAFreshClientIn() {
        LookupThrottle throttle = throttle(new MovableClock(), 10, 1000, 4);
        for (int i = 0; i < 4; i++) {
            fail(throttle, "198.51.100." + i, "55555555");
        }
        fail(throttle, "198.51.100.9", "66666666");
        assertThat(throttle.admit("198.51.100.9", "55555555").admitted())
                .as("a client that failed before waits for the look-up number")
                .isFalse();
        assertThat(throttle.admit("203.0.113.9", "55555555").admitted())
                .as("the victim's first attempt")
                .isTrue();
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        LookupThrottle throttle = throttle(new MovableClock(), 2, 100, 100);
        fail(throttle, "2001:db8:1:2::1", "77777777");
        fail(throttle, "2001:db8:1:2:ffff::9", "77777778");
        assertThat(throttle.admit("2001:db8:1:2:abcd::1", "77777779").admitted())
                .isFalse();
        assertThat(throttle.admit("2001:db8:1:3::1", "77777779").admitted()).isTrue();
    }
}
