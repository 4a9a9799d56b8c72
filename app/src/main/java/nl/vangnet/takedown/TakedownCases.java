package nl.vangnet.takedown;

import java.util.Map;
import java.util.Optional;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.Viewer;
import nl.vangnet.intake.IntakeManagement;
import org.springframework.stereotype.Component;

/**
 * The takedown module's view of the cases module: which case a request belongs to, and whether
 * the person acting may attach requests to it. Only caseworkers of the organisation that owns a
 * case can; for everyone else the case does not exist (same answer as the cases module gives).
 */
@Component
class TakedownCases {

    private final CaseManagement cases;
    private final IntakeManagement intake;
    private final AuditTrail audit;

    TakedownCases(CaseManagement cases, IntakeManagement intake, AuditTrail audit) {
        this.cases = cases;
        this.intake = intake;
        this.audit = audit;
    }

    /** The case named by its reference or ID, if the actor works on it for its owning organisation. */
    Optional<TakedownDesk.LinkedCase> find(Actor actor, String referenceOrId) {
        Viewer viewer = actor.viewer();
        if (viewer == null) {
            return Optional.empty();
        }
        return cases.workLink(viewer, referenceOrId)
                .map(link -> new TakedownDesk.LinkedCase(
                        new CaseRef(link.summary().id().value()),
                        link.summary().reference(),
                        link.helpRequest() == null ? null : link.helpRequest().value()));
    }

    /** The case's summary as the actor may see it (for showing its reference and a link). */
    Optional<CaseSummary> summary(Actor actor, CaseRef ref) {
        Viewer viewer = actor.viewer();
        return viewer == null ? Optional.empty() : cases.summary(viewer, new CaseId(ref.value()));
    }

    /**
     * The new-requests form filled with the links the victim gave on the portal (while their
     * consent to professional help lasts) and the case's primary code, for staff to check and
     * submit. Reading the links is recorded in the audit trail.
     */
    Optional<TakedownDesk.NewRequests> portalForm(Actor actor, String referenceOrId) {
        Viewer viewer = actor.viewer();
        if (viewer == null) {
            return Optional.empty();
        }
        return cases.workLink(viewer, referenceOrId).flatMap(link -> {
            if (link.helpRequest() == null) {
                return Optional.empty();
            }
            return intake.reportedLinks(link.helpRequest()).map(links -> {
                audit.record(
                        actor.username(),
                        AuditAction.TAKEDOWN_PORTAL_LINKS_READ,
                        "case",
                        link.summary().id().toString(),
                        null,
                        Map.of("links", String.valueOf(links.urls().size())));
                String code = link.summary().primaryCode();
                return new TakedownDesk.NewRequests(
                        link.summary().reference(),
                        code == null ? "" : code,
                        link.summary().minor(),
                        String.join("\n", links.urls()),
                        "");
            });
        });
    }

    /** How many links the victim gave on the portal for this case (0 when none, or no consent). */
    int portalLinkCount(Viewer viewer, CaseId id) {
        return cases.workLink(viewer, id.toString())
                .filter(link -> link.helpRequest() != null)
                .flatMap(link -> intake.reportedLinks(link.helpRequest()))
                .map(links -> links.urls().size())
                .orElse(0);
    }
}
