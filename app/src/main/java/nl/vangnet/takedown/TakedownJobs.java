package nl.vangnet.takedown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The time-driven work, one round at a time: deliver queued e-mails, re-check due URLs, act on
 * deadlines (reminders, no response, escalation) and deliver what that produced. The scheduler
 * calls {@link #round()} every {@code vangnet.takedown.jobs.interval} unless jobs are switched off;
 * tests switch them off, move the clock and call it themselves.
 */
@Component
class TakedownJobs {

    private static final Logger log = LoggerFactory.getLogger(TakedownJobs.class);

    /** What one round did. */
    record Summary(int delivered, Rechecks.Round rechecks, DeadlineWatch.Run deadlines) {}

    private final NoticeDispatcher dispatcher;
    private final Rechecks rechecks;
    private final DeadlineWatch deadlines;
    private final RdapBootstraps bootstraps;
    private final TakedownProperties properties;

    TakedownJobs(
            NoticeDispatcher dispatcher,
            Rechecks rechecks,
            DeadlineWatch deadlines,
            RdapBootstraps bootstraps,
            TakedownProperties properties) {
        this.dispatcher = dispatcher;
        this.rechecks = rechecks;
        this.deadlines = deadlines;
        this.bootstraps = bootstraps;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${vangnet.takedown.jobs.interval:PT30S}",
            initialDelayString = "${vangnet.takedown.jobs.interval:PT30S}")
    void scheduled() {
        if (!properties.jobs().enabled()) {
            return;
        }
        try {
            round();
            bootstraps.refreshIfDue();
        } catch (RuntimeException e) {
            // The next round tries again; the class name is enough to find the cause without data.
            log.error("Takedown jobs round failed: {}", e.getClass().getName(), e);
        }
    }

    synchronized Summary round() {
        int delivered = dispatcher.dispatchDue();
        Rechecks.Round checked = rechecks.recheckDue();
        DeadlineWatch.Run run = deadlines.run();
        run.noticesToDispatch().forEach(dispatcher::dispatch);
        return new Summary(delivered, checked, run);
    }
}
