package nl.vangnet.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.taxonomy.Taxonomies;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages with figures and settings rather than case content: coding agreement (case workers for
 * their organisation, administrators for all), and for administrators which directory entry each
 * staff organisation is and which organisation receives portal requests.
 */
@Controller
class CaseAdminPages {

    private final CodingQuality quality;
    private final OrganisationLinks links;
    private final StaffManagement staff;
    private final HelpDirectory directory;
    private final Taxonomies taxonomies;
    private final AuditTrail audit;
    private final CaseManagement cases;
    private final CaseRetention retention;

    CaseAdminPages(
            CodingQuality quality,
            OrganisationLinks links,
            StaffManagement staff,
            HelpDirectory directory,
            Taxonomies taxonomies,
            AuditTrail audit,
            CaseManagement cases,
            CaseRetention retention) {
        this.quality = quality;
        this.links = links;
        this.staff = staff;
        this.directory = directory;
        this.taxonomies = taxonomies;
        this.audit = audit;
        this.cases = cases;
        this.retention = retention;
    }

    @GetMapping("/staff/cases/admin/retention")
    String retention(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = admin(principal);
        retentionModel(model, viewer, locale);
        return "cases/admin-retention";
    }

    @PostMapping("/staff/cases/admin/retention/dry-run")
    String dryRun(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = admin(principal);
        model.addAttribute("report", retention.dryRun(viewer.username()));
        retentionModel(model, viewer, locale);
        return "cases/admin-retention";
    }

    @PostMapping("/staff/cases/admin/retention/purge")
    String purge(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "confirm", defaultValue = "") String confirm,
            Locale locale,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Viewer viewer = admin(principal);
        if (!"yes".equals(confirm)) {
            response.setStatus(422);
            model.addAttribute("unconfirmed", true);
        } else {
            model.addAttribute("report", retention.purge(viewer.username()));
        }
        retentionModel(model, viewer, locale);
        return "cases/admin-retention";
    }

    private void retentionModel(Model model, Viewer viewer, Locale locale) {
        model.addAttribute("settings", retention.settings());
        model.addAttribute("runs", retention.latestRuns(20));
        common(model, viewer, locale);
    }

    @GetMapping("/staff/cases/quality")
    String quality(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = Viewer.of(principal);
        UUID scope;
        if (viewer.mayOwn()) {
            scope = viewer.organisationId().value();
        } else if (viewer.admin()) {
            scope = null;
        } else {
            throw new CaseNotFound();
        }
        model.addAttribute("figures", quality.figures(scope));
        model.addAttribute("allOrganisations", scope == null);
        common(model, viewer, locale);
        return "cases/quality";
    }

    /** One staff organisation with its link, for the admin page. */
    record LinkRow(Organisation organisation, @Nullable String slug, boolean receivesPortalRequests) {}

    @GetMapping("/staff/cases/admin/organisations")
    String organisations(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = admin(principal);
        List<OrganisationLinks.Link> all = links.all();
        List<LinkRow> rows = new ArrayList<>();
        for (Organisation o : staff.organisations()) {
            Optional<OrganisationLinks.Link> link =
                    all.stream().filter(l -> l.organisation().equals(o.id())).findFirst();
            rows.add(new LinkRow(
                    o,
                    link.map(OrganisationLinks.Link::directorySlug).orElse(null),
                    link.map(OrganisationLinks.Link::receivesPortalRequests).orElse(false)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("directory", directory.all());
        common(model, viewer, locale);
        return "cases/admin-organisations";
    }

    @PostMapping("/staff/cases/admin/organisations")
    @Transactional
    String link(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "slug", defaultValue = "") String slug,
            @RequestParam(name = "portal", defaultValue = "false") boolean portal,
            RedirectAttributes redirect) {
        Viewer viewer = admin(principal);
        OrganisationId id = CasePages.uuid(organisation)
                .map(OrganisationId::new)
                .filter(o -> staff.organisation(o).isPresent())
                .orElseThrow(CaseNotFound::new);
        String chosen = slug.isBlank() ? null : slug.strip();
        if (chosen != null && directory.bySlug(chosen).isEmpty()) {
            redirect.addFlashAttribute("problem", true);
            return "redirect:/staff/cases/admin/organisations";
        }
        links.link(id, chosen);
        if (portal) {
            links.setPortalReceiver(id);
        }
        audit.record(
                viewer.username(),
                AuditAction.CASE_ORGANISATIONS_LINKED,
                "organisation",
                id.toString(),
                null,
                Map.of("slug", chosen == null ? "" : chosen, "portal", String.valueOf(portal)));
        redirect.addFlashAttribute("done", true);
        return "redirect:/staff/cases/admin/organisations";
    }

    private static Viewer admin(StaffPrincipal principal) {
        Viewer viewer = Viewer.of(principal);
        if (!viewer.admin()) {
            throw new CaseNotFound();
        }
        return viewer;
    }

    private void common(Model model, Viewer viewer, Locale locale) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("labels", new CaseLabels(taxonomies, locale));
        model.addAttribute("zone", CaseManagement.ZONE);
        model.addAttribute("now", cases.now());
    }
}
