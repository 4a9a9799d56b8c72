package nl.vangnet.takedown;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.cases.CaseFreeTextErased;
import nl.vangnet.cases.CaseOpened;
import nl.vangnet.cases.CaseVictimDataErased;
import nl.vangnet.intake.IntakeManagement;
import nl.vangnet.taxonomy.Taxonomies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps takedown in step with the case a request belongs to.
 *
 * <ul>
 *   <li>A case opened from a help request in which the victim gave the links where their images
 *       are and asked to get them removed gets one draft request per link, for the organisation
 *       that received the case. Nothing is sent: staff check the drafts and send the notices. When
 *       the victim did not ask for removal, or no organisation received the case yet, the case's
 *       takedown panel offers the links to staff instead.
 *   <li>Erasing the victim's data from a case removes its requests, notices, hashes and data key;
 *       only the anonymous outcome of sent requests stays for the figures.
 *   <li>Retention of a case's free text removes the staff notes and explanations of its requests.
 * </ul>
 *
 * All run after the cases module's transaction commits, from the event publication registry.
 */
@Component
class TakedownCaseEvents {

    private static final Logger log = LoggerFactory.getLogger(TakedownCaseEvents.class);

    private final TakedownDesk desk;
    private final Takedowns takedowns;
    private final CaseKeys keys;
    private final IntakeManagement intake;
    private final Taxonomies taxonomies;
    private final AuditTrail audit;

    TakedownCaseEvents(
            TakedownDesk desk,
            Takedowns takedowns,
            CaseKeys keys,
            IntakeManagement intake,
            Taxonomies taxonomies,
            AuditTrail audit) {
        this.desk = desk;
        this.takedowns = takedowns;
        this.keys = keys;
        this.intake = intake;
        this.taxonomies = taxonomies;
        this.audit = audit;
    }

    /**
     * Not one transaction around the whole listener: identifying hosts asks RDAP servers over the
     * network, and a database connection should not wait on them. The drafts are written in their
     * own short transaction; the event registry still marks the publication complete.
     */
    @Async
    @TransactionalEventListener
    void on(CaseOpened opened) {
        if (opened.helpRequestId() == null || opened.organisationId() == null) {
            return;
        }
        Optional<IntakeManagement.ReportedLinks> links = intake.reportedLinks(opened.helpRequestId());
        if (links.isEmpty() || links.get().urls().isEmpty() || !links.get().removalAsked()) {
            return;
        }
        String code = opened.primaryCode();
        if (code == null || taxonomies.current().code(code).isEmpty()) {
            return;
        }
        List<String> urls =
                links.get().urls().stream().limit(TakedownDesk.MAX_URLS).toList();
        try {
            TakedownDesk.Submission drafted = desk.draftFromPortal(
                    new TakedownDesk.LinkedCase(
                            new CaseRef(opened.caseId().value()),
                            "",
                            opened.helpRequestId().value()),
                    code,
                    opened.minor(),
                    urls,
                    Actor.system(opened.organisationId()));
            log.info(
                    "Drafted {} takedown requests from a portal case ({} links not usable)",
                    drafted.created().size(),
                    drafted.invalid().size() + drafted.duplicates().size());
        } catch (TakedownProblem problem) {
            log.info("No takedown drafts from a portal case: {}", problem.messageKeys());
        }
    }

    @ApplicationModuleListener
    void on(CaseVictimDataErased erased) {
        CaseRef ref = new CaseRef(erased.caseId().value());
        int requests = takedowns.eraseCase(ref, erased.at());
        keys.forget(ref);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.forget(ref);
                }
            });
        }
        if (requests > 0) {
            audit.record(
                    "system",
                    AuditAction.TAKEDOWN_CASE_ERASED,
                    "case",
                    ref.toString(),
                    null,
                    Map.of("requests", String.valueOf(requests)));
        }
    }

    @ApplicationModuleListener
    void on(CaseFreeTextErased erased) {
        takedowns.eraseFreeText(new CaseRef(erased.caseId().value()));
    }
}
