package nl.vangnet.cases;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.taxonomy.Taxonomies;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Exports and imports: the printable police summary of a case (only with the victim's consent to
 * share with the police), the pseudonymised research CSV (researchers only, refused below k = 5),
 * and the import of legacy registrations (case workers, into their own organisation; dry run first,
 * and all or nothing).
 */
@Controller
class ExportPages {

    private final CaseManagement cases;
    private final ResearchExport research;
    private final LegacyImport legacy;
    private final Taxonomies taxonomies;
    private final MessageSource messages;

    ExportPages(
            CaseManagement cases,
            ResearchExport research,
            LegacyImport legacy,
            Taxonomies taxonomies,
            MessageSource messages) {
        this.cases = cases;
        this.research = research;
        this.legacy = legacy;
        this.taxonomies = taxonomies;
        this.messages = messages;
    }

    @GetMapping("/staff/cases/{id}/police-summary")
    String policeSummary(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            HttpSession session,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = CasePages.caseId(id);
        @SuppressWarnings("unchecked")
        Map<java.util.UUID, String> reasons = session.getAttribute(CasePages.REASONS) instanceof Map<?, ?> m
                ? (Map<java.util.UUID, String>) m
                : Map.of();
        common(model, viewer, locale);
        try {
            model.addAttribute("c", cases.policeSummary(viewer, caseId, reasons.get(caseId.value())));
        } catch (CaseManagement.ReasonRequired required) {
            model.addAttribute("caseId", caseId);
            return "cases/reason";
        }
        model.addAttribute("organisationNames", cases.organisationNames());
        return "cases/police-summary";
    }

    // ------------------------------------------------------------------ research

    @GetMapping("/staff/cases/research")
    String researchPage(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = researcher(principal);
        List<ResearchExport.Check> checks = new ArrayList<>();
        for (ResearchExport.Granularity g : ResearchExport.Granularity.values()) {
            checks.add(research.check(g));
        }
        model.addAttribute("checks", checks);
        model.addAttribute("k", ResearchExport.K);
        common(model, viewer, locale);
        return "cases/research";
    }

    @GetMapping("/staff/cases/research/export.csv")
    String researchCsv(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "granularity", defaultValue = "MONTH") String granularity,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Viewer viewer = researcher(principal);
        ResearchExport.Granularity g = CasePages.enumValue(ResearchExport.Granularity.class, granularity);
        if (g == null) {
            g = ResearchExport.Granularity.MONTH;
        }
        ResearchExport.Check check = research.check(g);
        if (!check.allowed()) {
            research.write(viewer, g, Writer.nullWriter());
            response.setStatus(422);
            model.addAttribute("refused", check);
            return researchPage(principal, locale, model);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"vangnet-cases-" + g.name().toLowerCase(Locale.ROOT) + ".csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        research.write(viewer, g, out);
        out.flush();
        return null;
    }

    // ------------------------------------------------------------------ import

    @GetMapping("/staff/cases/import")
    String importForm(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = importer(principal);
        importModel(model, viewer, locale, "");
        return "cases/import";
    }

    @PostMapping("/staff/cases/import")
    String importFile(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "scheme", defaultValue = "") String scheme,
            @RequestParam(name = "action", defaultValue = "dry-run") String action,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Viewer viewer = importer(principal);
        byte[] content = file == null ? new byte[0] : file.getBytes();
        LegacyImport.Report report = "import".equals(action)
                ? legacy.importAll(viewer, scheme, content)
                : legacy.dryRun(viewer, scheme, content);
        if (!report.clean()) {
            response.setStatus(422);
        }
        List<String> problems = new ArrayList<>();
        for (LegacyImport.Problem p : report.problems()) {
            problems.add(messages.getMessage(
                    "cases.import.problem." + p.code(),
                    new Object[] {p.line(), p.column() == null ? "" : p.column(), p.value() == null ? "" : p.value()},
                    p.code(),
                    locale));
        }
        model.addAttribute("report", report);
        model.addAttribute("problems", problems);
        importModel(model, viewer, locale, scheme);
        return "cases/import";
    }

    private void importModel(Model model, Viewer viewer, Locale locale, String scheme) {
        model.addAttribute("schemes", taxonomies.current().schemes());
        model.addAttribute("scheme", scheme);
        model.addAttribute("required", LegacyImport.REQUIRED);
        model.addAttribute("optional", LegacyImport.OPTIONAL);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        common(model, viewer, locale);
    }

    private static Viewer researcher(StaffPrincipal principal) {
        Viewer viewer = Viewer.of(principal);
        if (!viewer.researcher()) {
            throw new CaseNotFound();
        }
        return viewer;
    }

    private static Viewer importer(StaffPrincipal principal) {
        Viewer viewer = Viewer.of(principal);
        if (!viewer.mayOwn()) {
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
