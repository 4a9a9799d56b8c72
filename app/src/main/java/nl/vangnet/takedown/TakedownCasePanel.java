package nl.vangnet.takedown;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vangnet.cases.CasePanels;
import nl.vangnet.cases.CaseStatus;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.Viewer;
import nl.vangnet.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The takedown panel on a case page: each requested link's site and status (never the URL
 * itself), a link to the case's takedown page, and a way to start requests from the links the
 * victim gave on the portal. Shown to hotline staff of the organisation that owns the case, the
 * only people who work on takedown for it.
 */
@Component
class TakedownCasePanel implements CasePanels {

    /** One line of the panel. */
    record Line(TakedownRequestId id, String site, TakedownStatus status) {}

    private final Takedowns takedowns;
    private final TakedownCases cases;

    TakedownCasePanel(Takedowns takedowns, TakedownCases cases) {
        this.takedowns = takedowns;
        this.cases = cases;
    }

    @Override
    public List<Panel> panels(Viewer viewer, CaseSummary summary) {
        if (!summary.owner() || !viewer.roles().contains(Role.HOTLINE) || summary.victimDataErased()) {
            return List.of();
        }
        CaseRef ref = new CaseRef(summary.id().value());
        List<Line> lines = takedowns.ofCase(ref).stream()
                .filter(r -> r.organisationId().equals(viewer.organisationId().value()))
                .map(r -> new Line(r.id(), r.hostDisplay(), r.status()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("caseRef", ref.value());
        model.put("reference", summary.reference());
        model.put("open", summary.status() != CaseStatus.CLOSED);
        model.put("portalLinks", cases.portalLinkCount(viewer, summary.id()));
        return List.of(new Panel("takedown/case-panel", model));
    }
}
