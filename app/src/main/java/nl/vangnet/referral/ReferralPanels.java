package nl.vangnet.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vangnet.cases.CasePanels;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.Viewer;
import org.springframework.stereotype.Component;

/** The referrals panel on the case page: this organisation's referrals of the case, and "refer". */
@Component
class ReferralPanels implements CasePanels {

    private final ReferralManagement referrals;

    ReferralPanels(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<Panel> panels(Viewer viewer, CaseSummary summary) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("referrals", referrals.ofCase(viewer, summary.id()));
        model.put(
                "canRefer",
                viewer.mayOwn()
                        && summary.owner()
                        && !summary.victimDataErased()
                        && summary.status() != nl.vangnet.cases.CaseStatus.CLOSED);
        model.put("caseId", summary.id());
        model.put("now", referrals.now());
        return List.of(new Panel("referral/panel", model));
    }
}
