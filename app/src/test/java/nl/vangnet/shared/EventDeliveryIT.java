package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hand-over whose listener fails, or that was cut off, is delivered again until it completes
 * (ADR 0015): failed ones on the next round, ones stuck on their way once they are older than
 * {@code stuck-after}, everything left by an earlier process at start-up; the staleness gauges
 * count what is waiting. The scheduled round is slowed down here so the test runs each step itself.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = {"vangnet.events.retry-every=PT1H", "vangnet.events.alarm-after=PT5M"})
@Import(EventDeliveryIT.Listeners.class)
class EventDeliveryIT {

    /** A synthetic hand-over; the id says which test sent it. */
    record Probe(UUID id, int failuresFirst) {}

    /** Fails the first {@code failuresFirst} deliveries of each probe, then records it as done. */
    static class ProbeListener {
        final ConcurrentHashMap<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Set<UUID> done = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(Probe probe) {
            int attempt = attempts.computeIfAbsent(probe.id(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (attempt <= probe.failuresFirst()) {
                throw new IllegalStateException("synthetic failure " + attempt);
            }
            done.add(probe.id());
        }

        // Read through methods: the bean is a proxy (async, transactional), its fields are not the target's.
        int attempts(UUID probe) {
            AtomicInteger n = attempts.get(probe);
            return n == null ? 0 : n.get();
        }

        boolean done(UUID probe) {
            return done.contains(probe);
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventDelivery delivery;

    @Autowired
    ProbeListener listener;

    @Autowired
    MeterRegistry meters;

    private UUID publish(int failuresFirst) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id, failuresFirst)));
        return id;
    }

    private String status(UUID probe) {
        return jdbc.sql("""
                        SELECT coalesce(status, '') || CASE WHEN completion_date IS NULL THEN '' ELSE '+done' END
                          FROM event_publication WHERE serialized_event LIKE :id
                        """).param("id", "%" + probe + "%").query(String.class).single();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    @Test
    void aFailedHandOverIsDeliveredAgainOnTheNextRound() throws Exception {
        UUID probe = publish(1);
        await(() -> status(probe).equals("FAILED"), "the first delivery failed");
        assertThat(listener.done(probe)).isFalse();

        delivery.retry();
        await(() -> listener.done(probe), "the second delivery ran");
        await(() -> status(probe).endsWith("+done"), "the publication is complete");
        assertThat(listener.attempts(probe)).isEqualTo(2);
    }

    @Test
    void aHandOverStuckOnItsWayIsTakenAgainAfterStuckAfter() throws Exception {
        UUID probe = publish(1);
        await(() -> status(probe).equals("FAILED"), "the first delivery failed");
        // As if a delivery had been cut off halfway three minutes ago and never reported back.
        jdbc.sql("""
                        UPDATE event_publication SET status = 'PROCESSING',
                               publication_date = now() - interval '3 minutes', last_resubmission_date = NULL
                         WHERE serialized_event LIKE :id
                        """).param("id", "%" + probe + "%").update();

        delivery.retry();
        await(() -> status(probe).endsWith("+done"), "the stuck publication completed");
        assertThat(listener.attempts(probe)).isEqualTo(2);
    }

    @Test
    void everythingLeftIncompleteByAnEarlierProcessIsResumedAtStartAndCountedUntilThen() throws Exception {
        UUID probe = publish(1);
        await(() -> status(probe).equals("FAILED"), "the first delivery failed");
        // As if an earlier process had been killed with the hand-over queued ten minutes ago.
        jdbc.sql("""
                        UPDATE event_publication SET status = 'PUBLISHED', publication_date = now() - interval '10 minutes'
                         WHERE serialized_event LIKE :id
                        """).param("id", "%" + probe + "%").update();
        delivery.measure(); // a publication 10 minutes old counts as stale
        assertThat(gauge("vangnet.events.incomplete")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("vangnet.events.stale")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("vangnet.events.oldest.age")).isGreaterThanOrEqualTo(600);

        jdbc.sql("UPDATE event_publication SET status = 'PUBLISHED' WHERE serialized_event LIKE :id")
                .param("id", "%" + probe + "%")
                .update();
        delivery.resumeAfterStart();
        await(() -> status(probe).endsWith("+done"), "the resumed publication completed");
        delivery.retry();
        assertThat(gauge("vangnet.events.stale")).isZero();
    }
}
