package nl.vangnet.cases;

import java.util.List;
import java.util.Map;

/**
 * SPI for downstream modules (referrals, later takedown and interventions) to show a panel on the
 * case page without the cases module depending on them. A panel is a Thymeleaf fragment {@code
 * panel(model)} in the providing module's templates; it gets only what the provider puts in its
 * model, and the provider must apply the same scoping as the case page (the viewer is given).
 */
public interface CasePanels {

    /**
     * One panel.
     *
     * @param template the template holding the fragment, e.g. {@code referral/panel}
     * @param model what the fragment renders
     */
    record Panel(String template, Map<String, Object> model) {
        public Panel {
            model = Map.copyOf(model);
        }
    }

    /** The panels for a case the viewer is looking at (already checked to be visible to them). */
    List<Panel> panels(Viewer viewer, CaseSummary summary);
}
