package nl.vangnet.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes every cross-module hand-over at-least-once (docs/adr/0015-at-least-once-hand-overs.md).
 * Events are stored in Spring Modulith's JDBC event publication registry in the same transaction
 * as the change that raised them; this class makes sure each stored publication is delivered
 * until its listener completes:
 *
 * <ul>
 *   <li>at start-up, every incomplete publication is resubmitted: in a single-instance deployment
 *       (the embedded default and the documented set-up) nothing can be in progress before this
 *       process started, so a publication cut off by {@code kill -9}, a power cut or a failed
 *       listener is delivered again at once;
 *   <li>on a schedule, failed publications (a listener threw, e.g. no connection in time) are
 *       resubmitted, and publications that have been on their way for longer than
 *       {@code vangnet.events.stuck-after} are marked failed so the next round resubmits them;
 *   <li>a staleness alarm: metrics of incomplete and stale hand-overs, and a warning in the log
 *       (listener names and counts only, never event contents) while any is older than
 *       {@code vangnet.events.alarm-after};
 *   <li>completed publications are deleted after {@code vangnet.events.keep-completed}.
 * </ul>
 *
 * Listeners are therefore idempotent; the ADR lists why each one is.
 */
@Component
class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean singleInstance;
    private final Duration stuckAfter;
    private final Duration alarmAfter;
    private final Duration keepCompleted;
    private final int batch;

    /** Before the web server opens: publications older than this were made by an earlier process. */
    private final Instant started;

    private final AtomicLong incomplete = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong resubmitted = new AtomicLong();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    EventDelivery(
            FailedEventPublications failed,
            CompletedEventPublications completed,
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry meters,
            @Value("${vangnet.events.single-instance:true}") boolean singleInstance,
            @Value("${vangnet.events.stuck-after:PT2M}") Duration stuckAfter,
            @Value("${vangnet.events.alarm-after:PT5M}") Duration alarmAfter,
            @Value("${vangnet.events.keep-completed:P7D}") Duration keepCompleted,
            @Value("${vangnet.events.batch:500}") int batch) {
        this.failed = failed;
        this.completed = completed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.started = clock.instant();
        this.singleInstance = singleInstance;
        this.stuckAfter = stuckAfter;
        this.alarmAfter = alarmAfter;
        this.keepCompleted = keepCompleted;
        this.batch = batch;
        Gauge.builder("vangnet.events.incomplete", incomplete, AtomicLong::get)
                .description("Hand-overs between modules that have not completed yet")
                .register(meters);
        Gauge.builder("vangnet.events.stale", stale, AtomicLong::get)
                .description("Hand-overs incomplete for longer than vangnet.events.alarm-after")
                .register(meters);
        Gauge.builder("vangnet.events.oldest.age", oldestSeconds, AtomicLong::get)
                .description("Age in seconds of the oldest incomplete hand-over")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("vangnet.events.resubmitted", resubmitted, AtomicLong::get)
                .description("Hand-overs resubmitted since start")
                .register(meters);
    }

    /** Everything incomplete from before this start is delivered again. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        if (!singleInstance) {
            return;
        }
        int reset = jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                         WHERE completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')
                           AND publication_date < :started
                        """).param("started", Timestamp.from(started)).update();
        long waiting = countFailed();
        if (waiting > 0) {
            log.info("Resuming {} hand-overs left incomplete before this start ({} were on their way)", waiting, reset);
            resubmit(Math.max(batch, (int) Math.min(Integer.MAX_VALUE, waiting)));
        }
        measure();
    }

    /** Failed and stuck hand-overs are tried again; the alarm is brought up to date. */
    @Scheduled(
            fixedDelayString = "${vangnet.events.retry-every:PT30S}",
            initialDelayString = "${vangnet.events.retry-every:PT30S}")
    void retry() {
        Instant stuckBefore = clock.instant().minus(stuckAfter);
        int stuck = jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                         WHERE completion_date IS NULL
                           AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                           AND coalesce(last_resubmission_date, publication_date) < :before
                        """).param("before", Timestamp.from(stuckBefore)).update();
        if (stuck > 0) {
            log.warn("{} hand-overs were on their way for more than {}; resubmitting them", stuck, stuckAfter);
        }
        if (countFailed() > 0) {
            resubmit(batch);
        }
        measure();
    }

    @Scheduled(cron = "${vangnet.events.purge-cron:0 45 2 * * *}", zone = "Europe/Amsterdam")
    void purgeCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }

    private void resubmit(int size) {
        long before = countFailed();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(size));
        long after = countFailed();
        resubmitted.addAndGet(Math.max(0, before - after));
    }

    private long countFailed() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED'")
                .query(Long.class)
                .single();
    }

    /** Counts of incomplete hand-overs per listener, for the metrics and the alarm. */
    record Incomplete(String listener, long count, Instant oldest) {}

    List<Incomplete> incompleteByListener() {
        return jdbc.sql("""
                        SELECT listener_id, count(*) AS n, min(publication_date) AS oldest
                          FROM event_publication WHERE completion_date IS NULL
                         GROUP BY listener_id ORDER BY oldest
                        """)
                .query((rs, i) -> new Incomplete(
                        rs.getString("listener_id"),
                        rs.getLong("n"),
                        rs.getTimestamp("oldest").toInstant()))
                .list();
    }

    void measure() {
        Instant now = clock.instant();
        Instant alarmBefore = now.minus(alarmAfter);
        List<Incomplete> rows = incompleteByListener();
        long total = 0;
        long old = 0;
        Instant oldest = now;
        for (Incomplete row : rows) {
            total += row.count();
            if (row.oldest().isBefore(oldest)) {
                oldest = row.oldest();
            }
        }
        if (oldest.isBefore(alarmBefore)) {
            old = jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date < :t")
                    .param("t", Timestamp.from(alarmBefore))
                    .query(Long.class)
                    .single();
        }
        incomplete.set(total);
        stale.set(old);
        oldestSeconds.set(Duration.between(oldest, now).toSeconds());
        if (old > 0 && lastWarning.get().isBefore(now.minus(Duration.ofMinutes(10)))) {
            lastWarning.set(now);
            for (Incomplete row : rows) {
                if (row.oldest().isBefore(alarmBefore)) {
                    log.warn(
                            "Stale hand-over: {} publications to {} incomplete, the oldest since {}",
                            row.count(),
                            row.listener(),
                            row.oldest());
                }
            }
        }
    }
}
