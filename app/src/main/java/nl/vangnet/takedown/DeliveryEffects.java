package nl.vangnet.takedown;

import java.time.Instant;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What it means for the requests when a notice reaches its recipient: a first notice starts the
 * clock (sent, deadline, first re-check), reminders and escalations are noted in the history.
 * Runs in the caller's transaction, together with marking the notice delivered.
 */
@Component
class DeliveryEffects {

    private final Takedowns takedowns;
    private final Notices notices;
    private final TakedownProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    DeliveryEffects(
            Takedowns takedowns,
            Notices notices,
            TakedownProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit) {
        this.takedowns = takedowns;
        this.notices = notices;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
    }

    void delivered(Notice notice, Instant at, String actor) {
        for (TakedownRequestId id : notices.requestsOf(notice.id())) {
            TakedownRequest request = takedowns.lock(id).orElse(null);
            if (request == null) {
                continue;
            }
            switch (notice.kind()) {
                case NOTICE -> {
                    if (!request.status().isOpen()) {
                        // Gone before the notice reached the host: nothing to time.
                        takedowns.history(id, "NOTICE_SENT", at, actor, notice.reference());
                        continue;
                    }
                    Instant deadline = at.plus(properties.target());
                    takedowns.markSent(id, at, deadline, at.plus(properties.recheckInterval()));
                    if (request.status() == TakedownStatus.DRAFT || request.status() == TakedownStatus.QUEUED) {
                        takedowns.changeStatus(id, TakedownStatus.SENT, at, actor, notice.reference());
                        audit.record(actor, AuditAction.TAKEDOWN_STATUS_CHANGED, "takedown-request", id.toString());
                    } else {
                        takedowns.history(id, "NOTICE_SENT", at, actor, notice.reference());
                    }
                    if (request.sentAt() == null) {
                        events.publishEvent(new TakedownNoticeSent(
                                id,
                                request.caseRef(),
                                at,
                                deadline,
                                notice.channel().name()));
                    }
                }
                case REMINDER -> takedowns.history(id, "REMINDER_SENT", at, actor, notice.reference());
                case ESCALATION -> takedowns.history(id, "ESCALATION_SENT", at, actor, notice.reference());
            }
        }
    }
}
