package nl.vangnet.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Erases a victim's data from a case (the victim deleted their request) or removes a case (retention). */
@Component
class CaseErasure {

    private final CaseFiles files;
    private final CaseManagement management;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseErasure(
            CaseFiles files,
            CaseManagement management,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.files = files;
        this.management = management;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Leaves only a tombstone; other modules are told to forget what they hold for the case. */
    @Transactional
    void eraseVictimData(CaseId id, String actor, String why) {
        CaseFiles.SystemRow row = files.systemRow(id).orElse(null);
        if (row == null || row.dataKey() == null) {
            return;
        }
        for (CaseFiles.ConsentRow consent : files.allConsents(id)) {
            if (consent.active()) {
                management.withdraw(id, consent, actor);
            }
        }
        Instant now = clock.instant();
        files.eraseVictimData(id, now);
        if (row.status() != CaseStatus.CLOSED) {
            files.recordStatus(id, row.status(), CaseStatus.CLOSED, ClosingReason.DELETED_BY_VICTIM, actor, now);
        }
        audit.record(actor, AuditAction.CASE_VICTIM_DATA_ERASED, "case", id.toString(), null, Map.of("why", why));
        events.publishEvent(new CaseVictimDataErased(id, false, now));
    }

    /** Removes a case file entirely (retention), after ending its shares. */
    @Transactional
    void remove(CaseId id, String actor) {
        for (CaseFiles.ConsentRow consent : files.allConsents(id)) {
            if (consent.active()) {
                management.withdraw(id, consent, actor);
            }
        }
        files.delete(id);
        Instant now = clock.instant();
        audit.record(
                actor, AuditAction.CASE_RETENTION_APPLIED, "case", id.toString(), null, Map.of("class", "case-files"));
        events.publishEvent(new CaseVictimDataErased(id, true, now));
    }
}
