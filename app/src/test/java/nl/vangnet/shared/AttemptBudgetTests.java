package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptBudgetTests {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void parallelAttemptsNeverEvaluateMoreThanTheLimit() throws Exception {
        AttemptBudget budget = new AttemptBudget(10, Duration.ofMinutes(15), Duration.ofMinutes(15), 16);
        AtomicInteger evaluated = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    if (budget.reserve("client", T0).isZero()) {
                        evaluated.incrementAndGet();
                        Thread.sleep(2);
                        budget.failed("client", T0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(evaluated).hasValue(10);
        assertThat(budget.reserve("client", T0)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSlidingWindowWithoutLockoutWaitsForTheOldestFailure() {
        AttemptBudget budget = new AttemptBudget(2, Duration.ofMinutes(1), Duration.ZERO, 16);
        budget.reserve("*", T0);
        budget.failed("*", T0);
        budget.reserve("*", T0.plusSeconds(20));
        budget.failed("*", T0.plusSeconds(20));
        assertThat(budget.reserve("*", T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.reserve("*", T0.plusSeconds(60))).isZero();
    }

    @Test
    void releasedReservationsAndExpiredKeysAreForgotten() {
        AttemptBudget budget = new AttemptBudget(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 16);
        assertThat(budget.reserve("a", T0)).isZero();
        assertThat(budget.reserve("a", T0)).isEqualTo(AttemptBudget.IN_FLIGHT_WAIT);
        budget.released("a");
        assertThat(budget.isClean("a", T0)).isTrue();
        for (int i = 0; i < 100; i++) {
            budget.reserve("k" + i, T0);
            budget.failed("k" + i, T0);
        }
        for (int i = 0; i < 30; i++) {
            budget.reserve("late" + i, T0.plus(Duration.ofMinutes(2)));
        }
        assertThat(budget.trackedKeys()).as("locks that ended are pruned").isLessThan(40);
    }

    @Test
    void clientKeysHideTheAddressAndGroupIpv6Networks() {
        ClientKeys keys = new ClientKeys();
        assertThat(keys.client("192.0.2.1")).doesNotContain("192").isNotEqualTo(keys.client("192.0.2.2"));
        assertThat(keys.client("2001:db8::1")).isEqualTo(keys.client("2001:db8::ffff:1"));
        assertThat(keys.client("2001:db8:0:1::1")).isNotEqualTo(keys.client("2001:db8::1"));
        assertThat(keys.client("::ffff:192.0.2.1")).isEqualTo(keys.client("192.0.2.1"));
        assertThat(new ClientKeys().client("192.0.2.1"))
                .as("a new key every start")
                .isNotEqualTo(keys.client("192.0.2.1"));
    }
}
