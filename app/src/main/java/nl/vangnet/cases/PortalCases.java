package nl.vangnet.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.ConsentGiven;
import nl.vangnet.intake.ConsentScope;
import nl.vangnet.intake.ConsentWithdrawn;
import nl.vangnet.intake.HelpRequestDeleted;
import nl.vangnet.intake.HelpRequestSubmitted;
import nl.vangnet.intake.IntakeManagement;
import nl.vangnet.intake.VictimReplied;
import nl.vangnet.taxonomy.Coding;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns help requests into cases and keeps cases in step with what the victim does on the
 * receipt's follow-up page: a reply marks the case, a withdrawn consent ends the share it allowed,
 * and deleting the request erases the victim's data from the case. Runs after the intake
 * transaction commits, in its own transaction, from the JDBC event publication registry (so a
 * crash does not lose a request). Idempotent: a help request opens at most one case.
 */
@Component
class PortalCases {

    private static final Logger log = LoggerFactory.getLogger(PortalCases.class);

    private final CaseFiles files;
    private final OrganisationLinks links;
    private final CaseCrypto crypto;
    private final CaseManagement management;
    private final CaseErasure erasure;
    private final IntakeManagement intake;
    private final StaffManagement staff;
    private final Taxonomies taxonomies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PortalCases(
            CaseFiles files,
            OrganisationLinks links,
            CaseCrypto crypto,
            CaseManagement management,
            CaseErasure erasure,
            IntakeManagement intake,
            StaffManagement staff,
            Taxonomies taxonomies,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.files = files;
        this.links = links;
        this.crypto = crypto;
        this.management = management;
        this.erasure = erasure;
        this.intake = intake;
        this.staff = staff;
        this.taxonomies = taxonomies;
        this.audit = audit;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(HelpRequestSubmitted submitted) {
        if (!submitted.professionalHelpRequested()) {
            return;
        }
        // Delivered at least once (docs/adr/0015): the lock makes a repeated delivery wait for the
        // first and then see its case, so a help request opens exactly one case.
        files.lockHelpRequest(submitted.helpRequestId().value());
        if (files.byHelpRequest(submitted.helpRequestId().value()).isPresent()) {
            return;
        }
        Optional<IntakeManagement.FollowUp> request = intake.followUp(submitted.helpRequestId());
        if (request.isEmpty()) {
            // Deleted before we got here: nothing to open.
            return;
        }
        IntakeManagement.FollowUp followUp = request.get();
        Instant openedAt = submitted.submittedAt();
        OrganisationId owner = route().orElse(null);
        CaseId id = CaseId.random();
        String age = "unknown".equals(submitted.ageBand()) ? null : submitted.ageBand();
        boolean minor = age != null && List.of("under-12", "12-15", "16-17").contains(age);
        boolean spreading = "yes".equals(followUp.answers().imagesOnline())
                || followUp.answers().happened().contains("shared");
        byte[] key = crypto.newKey();
        files.insert(new CaseFiles.NewCase(
                id,
                files.nextReference(
                        LocalDate.ofInstant(openedAt, CaseManagement.ZONE).getYear()),
                owner,
                "HELP_REQUEST",
                CaseChannel.PORTAL,
                submitted.helpRequestId().value(),
                null,
                CaseStatus.NEW,
                null,
                submitted.urgent(),
                minor,
                spreading,
                age,
                submitted.needs(),
                openedAt,
                null,
                key,
                null,
                null));
        addSuggestedIncidents(id, followUp, openedAt);
        // What the victim told reaches the case: codes from the event, their own words (free text,
        // never in events) from the intake facade, sealed with the case's key.
        String words = submitted.ownWordsGiven()
                ? intake.ownWords(submitted.helpRequestId()).orElse(null)
                : null;
        files.recordVictimAccount(
                id,
                submitted.barriers(),
                submitted.told(),
                words == null ? null : crypto.seal(key, id, "victim-words", words));
        audit.record(
                "system",
                AuditAction.CASE_OPENED,
                "case",
                id.toString(),
                null,
                Map.of("channel", CaseChannel.PORTAL.name(), "routed", String.valueOf(owner != null)));
        for (String slug : submitted.sharedWith()) {
            sharePortal(id, owner, slug);
        }
        events.publishEvent(new CaseOpened(
                id,
                owner,
                "HELP_REQUEST",
                CaseChannel.PORTAL,
                submitted.urgent(),
                minor,
                openedAt,
                submitted.helpRequestId(),
                submitted.suggestedCode().isEmpty() ? null : submitted.suggestedCode()));
        if (owner == null) {
            log.warn("A portal case was opened without an organisation to receive it; set one on "
                    + "/staff/cases/admin/organisations");
        }
    }

    /**
     * The suggested primary code with its dimensions, and one incident per secondary code, all
     * marked as suggestions that staff confirm or correct.
     */
    private void addSuggestedIncidents(CaseId id, IntakeManagement.FollowUp request, Instant at) {
        String version = request.coding().taxonomyVersion();
        TaxonomyVersion taxonomy = taxonomies.version(version).orElse(taxonomies.current());
        int seq = 1;
        List<String> codes = request.coding().allCodes();
        for (String code : codes) {
            Map<String, List<String>> dimensions = seq == 1 ? request.coding().dimensions() : Map.of();
            boolean complete =
                    taxonomies.validate(taxonomy, new Coding(code, dimensions)).isEmpty();
            files.insertIncident(new CaseFiles.NewIncident(
                    IncidentId.random(),
                    id,
                    seq++,
                    null,
                    taxonomy.version(),
                    code,
                    dimensions,
                    complete,
                    code,
                    dimensions,
                    null,
                    null,
                    null,
                    at));
        }
    }

    /** The organisation that receives portal requests: the one set by an administrator, else the oldest hotline. */
    private Optional<OrganisationId> route() {
        Optional<OrganisationId> chosen = links.portalReceiver();
        if (chosen.isPresent()) {
            return chosen;
        }
        return staff.organisations().stream()
                .filter(o -> o.kind() == OrganisationKind.HOTLINE)
                .min(Comparator.comparing(Organisation::createdAt))
                .map(Organisation::id);
    }

    /** A share the victim chose in the portal: the summary and the coding, with the linked organisation. */
    private void sharePortal(CaseId id, @Nullable OrganisationId owner, String slug) {
        links.organisationFor(slug)
                .filter(org -> !org.equals(owner))
                .ifPresent(org ->
                        management.share(id, org, portalShareParts(), "PORTAL", ConsentHow.PORTAL, slug, "system"));
    }

    @ApplicationModuleListener
    void on(ConsentGiven given) {
        if (given.scope() != ConsentScope.SHARE_WITH_ORGANISATION || given.organisation() == null) {
            return;
        }
        files.lockHelpRequest(given.helpRequestId().value()); // a repeated delivery sees the share made
        files.byHelpRequest(given.helpRequestId().value())
                .filter(c -> c.dataKey() != null)
                .ifPresent(c -> {
                    boolean already = files.allConsents(c.id()).stream()
                            .anyMatch(s -> s.active() && given.organisation().equals(s.directorySlug()));
                    if (!already) {
                        sharePortal(c.id(), c.organisation(), given.organisation());
                    }
                });
    }

    @ApplicationModuleListener
    void on(VictimReplied replied) {
        files.byHelpRequest(replied.helpRequestId().value()).ifPresent(c -> files.markReply(c.id(), replied.at()));
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.scope() != ConsentScope.SHARE_WITH_ORGANISATION || withdrawn.organisation() == null) {
            return;
        }
        files.byHelpRequest(withdrawn.helpRequestId().value()).ifPresent(c -> {
            for (CaseFiles.ConsentRow consent : files.allConsents(c.id())) {
                if (consent.active()
                        && "PORTAL".equals(consent.basis())
                        && withdrawn.organisation().equals(consent.directorySlug())) {
                    management.withdraw(c.id(), consent, "system");
                }
            }
        });
    }

    @ApplicationModuleListener
    void on(HelpRequestDeleted deleted) {
        files.byHelpRequest(deleted.helpRequestId().value())
                .ifPresent(c -> erasure.eraseVictimData(c.id(), "system", "help-request-deleted"));
    }

    static Set<CasePart> portalShareParts() {
        return EnumSet.of(CasePart.SUMMARY, CasePart.CODING);
    }
}
