package nl.vangnet.takedown;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the clock for hosts that do not act: an e-mailed notice without a receipt confirmation
 * is sent again every {@code resend-after} (at most {@code max-resends} times); at the deadline a
 * request without an answer becomes NO_RESPONSE; and {@code escalation-delay} after the deadline
 * every request that is still online (answered or not) is escalated, one escalation notice per
 * host and case.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    /** What one run did. */
    record Run(int reminders, int noResponse, int escalated, List<UUID> noticesToDispatch) {}

    private final Takedowns takedowns;
    private final Notices notices;
    private final TakedownDesk desk;
    private final TakedownProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineWatch(
            Takedowns takedowns,
            Notices notices,
            TakedownDesk desk,
            TakedownProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.takedowns = takedowns;
        this.notices = notices;
        this.desk = desk;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    Run run() {
        Instant now = clock.instant();
        List<UUID> dispatch = new ArrayList<>();
        int reminders = 0;
        for (Notice notice : notices.deliveredEmailNotices(properties.maxResends())) {
            Instant due = notice.sentAt().plus(properties.resendAfter().multipliedBy(notice.reminders() + 1L));
            if (now.isBefore(due)) {
                continue;
            }
            UUID reminder = transactions.execute(s -> desk.remind(notice));
            if (reminder != null) {
                dispatch.add(reminder);
                reminders++;
            }
        }
        int noResponse = 0;
        Map<String, List<TakedownRequest>> toEscalate = new LinkedHashMap<>();
        for (TakedownRequest request : takedowns.pastDeadline(now)) {
            TakedownStatus status = request.status();
            if (status == TakedownStatus.SENT) {
                transactions.executeWithoutResult(s -> {
                    takedowns
                            .lock(request.id())
                            .filter(r -> r.status() == TakedownStatus.SENT)
                            .ifPresent(r -> {
                                takedowns.changeStatus(r.id(), TakedownStatus.NO_RESPONSE, now, "system", null);
                                events.publishEvent(
                                        new TakedownNoResponse(r.id(), r.caseRef(), r.deadlineAt(), r.host()));
                            });
                });
                noResponse++;
                status = TakedownStatus.NO_RESPONSE;
            }
            boolean escalationDue = !now.isBefore(request.deadlineAt().plus(properties.escalationDelay()));
            if (escalationDue && status.canMoveTo(TakedownStatus.ESCALATED)) {
                toEscalate
                        .computeIfAbsent(request.caseRef() + " " + request.host(), k -> new ArrayList<>())
                        .add(request);
            }
        }
        int escalated = 0;
        for (List<TakedownRequest> group : toEscalate.values()) {
            UUID notice = transactions.execute(s -> desk.escalate(group, true, "system"));
            escalated += group.size();
            if (notice != null) {
                dispatch.add(notice);
            }
        }
        if (reminders + noResponse + escalated > 0) {
            log.info("Deadlines: {} reminders, {} without response, {} escalated", reminders, noResponse, escalated);
        }
        return new Run(reminders, noResponse, escalated, dispatch);
    }
}
