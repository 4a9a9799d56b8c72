package nl.vangnet.referral;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.vangnet.cases.CaseChanged;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseNotFound;
import nl.vangnet.cases.CasePart;
import nl.vangnet.cases.CaseProblem;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.ConsentHow;
import nl.vangnet.cases.Viewer;
import nl.vangnet.directory.HelpOrganisation;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referral pages at {@code /staff/referrals}: incoming and outgoing lists with stalled steps
 * marked, the referral form (from a case), and a referral's page with the steps the viewer may
 * take. Works without JavaScript; anything outside the viewer's organisation is a 404.
 */
@Controller
class ReferralPages {

    private final ReferralManagement referrals;
    private final CaseManagement cases;
    private final MessageSource messages;

    ReferralPages(ReferralManagement referrals, CaseManagement cases, MessageSource messages) {
        this.referrals = referrals;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/staff/referrals")
    String list(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        Viewer viewer = Viewer.of(principal);
        model.addAttribute("lists", referrals.lists(viewer));
        common(model, viewer);
        return "referral/list";
    }

    @GetMapping("/staff/referrals/new")
    String form(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "case", defaultValue = "") String caseId,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseSummary summary = ownedCase(viewer, caseId);
        // Nothing is chosen in advance: staff tick exactly what the victim agreed to share.
        formModel(model, viewer, summary, Map.of());
        return "referral/new";
    }

    @PostMapping("/staff/referrals")
    String send(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "case", defaultValue = "") String caseId,
            @RequestParam(name = "destination", defaultValue = "") String destination,
            @RequestParam(name = "parts", required = false) @Nullable List<String> parts,
            @RequestParam(name = "how", defaultValue = "") String how,
            @RequestParam(name = "confirm", defaultValue = "") String confirm,
            @RequestParam(name = "handover", defaultValue = "") String handover,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Viewer viewer = Viewer.of(principal);
        CaseSummary summary = ownedCase(viewer, caseId);
        Set<CasePart> chosen = EnumSet.noneOf(CasePart.class);
        for (String p : parts == null ? List.<String>of() : parts) {
            try {
                chosen.add(CasePart.valueOf(p));
            } catch (IllegalArgumentException ignored) {
                // unknown parts are not shared
            }
        }
        ConsentHow consentHow = null;
        try {
            consentHow = how.isBlank() ? null : ConsentHow.valueOf(how);
        } catch (IllegalArgumentException ignored) {
            // reported as a problem by the facade
        }
        try {
            ReferralId id = referrals.send(
                    viewer,
                    summary.id(),
                    new ReferralManagement.ReferralForm(
                            destination, chosen, consentHow, "yes".equals(confirm), handover));
            return "redirect:/staff/referrals/" + id + "?sent";
        } catch (CaseProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", texts(problem, locale));
            Map<String, String> draft = new LinkedHashMap<>();
            draft.put("destination", destination);
            draft.put("how", how);
            draft.put("handover", handover);
            draft.put("parts", String.join(",", chosen.stream().map(Enum::name).toList()));
            formModel(model, viewer, summary, draft);
            return "referral/new";
        }
    }

    @GetMapping("/staff/referrals/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") String id, Model model) {
        Viewer viewer = Viewer.of(principal);
        Referral referral = referrals.open(viewer, referralId(id));
        model.addAttribute("r", referral);
        model.addAttribute("steps", referrals.allowedSteps(viewer, referral));
        model.addAttribute(
                "caseVisible", cases.summary(viewer, referral.caseId()).isPresent());
        common(model, viewer);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "referral/detail";
    }

    @PostMapping("/staff/referrals/{id}/step")
    String step(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "version", defaultValue = "-1") int version,
            @RequestParam(name = "status", defaultValue = "") String status,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        ReferralId referralId = referralId(id);
        try {
            ReferralStatus to;
            try {
                to = ReferralStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new CaseProblem(List.of(new CaseProblem.Item(
                        "step-not-allowed", "status", "referral.problem.step-not-allowed", List.of())));
            }
            referrals.step(viewer, referralId, version, to);
            redirect.addFlashAttribute("done", to.name());
            return "redirect:/staff/referrals/" + referralId;
        } catch (CaseProblem | CaseChanged e) {
            if (e instanceof CaseChanged) {
                response.setStatus(409);
                model.addAttribute("problems", List.of(messages.getMessage("referral.problem.changed", null, locale)));
            } else {
                response.setStatus(422);
                model.addAttribute("problems", texts((CaseProblem) e, locale));
            }
            return view(principal, id, model);
        }
    }

    private void formModel(Model model, Viewer viewer, CaseSummary summary, Map<String, String> draft) {
        common(model, viewer);
        model.addAttribute("summary", summary);
        List<Destination> destinations = new ArrayList<>();
        for (HelpOrganisation o : referrals.destinations()) {
            OrganisationId linked = cases.organisationFor(o.slug()).orElse(null);
            if (linked != null && linked.equals(viewer.organisationId())) {
                continue;
            }
            destinations.add(new Destination(o.slug(), o.name(), linked != null));
        }
        model.addAttribute("destinations", destinations);
        model.addAttribute("parts", CasePart.choosable());
        model.addAttribute("hows", ConsentHow.recordable());
        model.addAttribute("draft", draft);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
    }

    /** A directory organisation to refer to, and whether its staff work in Vangnet. */
    record Destination(String slug, String name, boolean inVangnet) {}

    private void common(Model model, Viewer viewer) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("zone", java.time.ZoneId.of("Europe/Amsterdam"));
        model.addAttribute("now", referrals.now());
        model.addAttribute("organisationNames", cases.organisationNames());
    }

    private CaseSummary ownedCase(Viewer viewer, String caseId) {
        CaseId id = CaseId.parse(caseId).orElseThrow(CaseNotFound::new);
        CaseSummary summary = cases.summary(viewer, id).orElseThrow(CaseNotFound::new);
        if (!viewer.mayOwn() || !summary.owner()) {
            throw new CaseNotFound();
        }
        return summary;
    }

    private List<String> texts(CaseProblem problem, Locale locale) {
        return problem.items().stream()
                .map(i -> messages.getMessage(i.messageKey(), i.arguments().toArray(), i.messageKey(), locale))
                .toList();
    }

    private static ReferralId referralId(String id) {
        return ReferralId.parse(id).orElseThrow(CaseNotFound::new);
    }
}
