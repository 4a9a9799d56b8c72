package nl.vangnet.takedown;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What staff keep up to date around takedown: the directory of platform reporting channels, the
 * RDAP bootstrap files, the notice templates, and the time-to-removal figures.
 */
@Controller
class TakedownAdminPages {

    private static final String BASE = "/staff/takedown";

    private final Platforms platforms;
    private final RdapBootstraps bootstraps;
    private final NoticeTemplates templates;
    private final TakedownTracking tracking;
    private final AuditTrail audit;

    TakedownAdminPages(
            Platforms platforms,
            RdapBootstraps bootstraps,
            NoticeTemplates templates,
            TakedownTracking tracking,
            AuditTrail audit) {
        this.platforms = platforms;
        this.bootstraps = bootstraps;
        this.templates = templates;
        this.tracking = tracking;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- platform directory

    @GetMapping(BASE + "/platforms")
    String platforms(Model model) {
        model.addAttribute("platforms", platforms.all());
        model.addAttribute("bootstraps", bootstraps.sources());
        return "takedown/platforms";
    }

    @GetMapping(BASE + "/platforms/new")
    String newPlatform(Model model) {
        model.addAttribute("form", new Platforms.PlatformForm("", "", "", "nl", "", "", "", "", true));
        model.addAttribute("platformId", null);
        return "takedown/platform";
    }

    @GetMapping(BASE + "/platforms/{id}")
    String editPlatform(@PathVariable("id") UUID id, Model model) {
        Platform platform = platforms.find(id).orElseThrow(TakedownProblem.NotFound::new);
        model.addAttribute("form", Platforms.PlatformForm.of(platform));
        model.addAttribute("platformId", id);
        return "takedown/platform";
    }

    @PostMapping({BASE + "/platforms", BASE + "/platforms/{id}"})
    String savePlatform(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable(name = "id", required = false) @Nullable UUID id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "domains", defaultValue = "") String domains,
            @RequestParam(name = "country", defaultValue = "") String country,
            @RequestParam(name = "language", defaultValue = "nl") String language,
            @RequestParam(name = "trustedFlaggerEmail", defaultValue = "") String trustedFlaggerEmail,
            @RequestParam(name = "abuseEmail", defaultValue = "") String abuseEmail,
            @RequestParam(name = "webFormUrl", defaultValue = "") String webFormUrl,
            @RequestParam(name = "note", defaultValue = "") String note,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (id != null && platforms.find(id).isEmpty()) {
            throw new TakedownProblem.NotFound();
        }
        Platforms.PlatformForm form = new Platforms.PlatformForm(
                name, domains, country, language, trustedFlaggerEmail, abuseEmail, webFormUrl, note, active);
        try {
            platforms.save(id, form, principal.getUsername());
            redirect.addFlashAttribute("done", "takedown.done.platform");
            return "redirect:" + BASE + "/platforms";
        } catch (Platforms.PlatformProblem problem) {
            response.setStatus(422);
            model.addAttribute("form", form);
            model.addAttribute("platformId", id);
            model.addAttribute("problems", problem.messageKeys());
            return "takedown/platform";
        }
    }

    @PostMapping(BASE + "/platforms/bootstrap")
    String refreshBootstrap(@AuthenticationPrincipal StaffPrincipal principal, RedirectAttributes redirect) {
        RdapBootstraps.Refresh refresh = bootstraps.refresh();
        audit.record(
                principal.getUsername(),
                AuditAction.TAKEDOWN_BOOTSTRAP_REFRESHED,
                "takedown-rdap",
                null,
                null,
                Map.of(
                        "updated",
                        String.join(",", refresh.updated().keySet()),
                        "failed",
                        String.join(",", refresh.failed().keySet())));
        if (refresh.complete()) {
            redirect.addFlashAttribute("done", "takedown.done.bootstrap");
        } else {
            redirect.addFlashAttribute("problems", java.util.List.of("takedown.bootstrap.problem.failed"));
            redirect.addFlashAttribute("bootstrapFailures", refresh.failed());
        }
        return "redirect:" + BASE + "/platforms";
    }

    // ---------------------------------------------------------------- templates

    @GetMapping(BASE + "/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute(
                "placeholders", NoticeTemplates.KNOWN.stream().sorted().toList());
        return "takedown/templates";
    }

    @PostMapping(BASE + "/templates/{kind}/{language}")
    String saveTemplate(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("kind") String kind,
            @PathVariable("language") String language,
            @RequestParam(name = "subject", defaultValue = "") String subject,
            @RequestParam(name = "body", defaultValue = "") String body,
            @RequestParam(name = "reset", defaultValue = "false") boolean reset,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        NoticeTemplates.Kind parsed = kind(kind);
        if (!NoticeTemplates.LANGUAGES.contains(language)) {
            throw new TakedownProblem.NotFound();
        }
        if (reset) {
            templates.reset(parsed, language, principal.getUsername());
            redirect.addFlashAttribute("done", "takedown.done.template-reset");
            return "redirect:" + BASE + "/templates";
        }
        try {
            templates.save(parsed, language, subject, body, principal.getUsername());
            redirect.addFlashAttribute("done", "takedown.done.template");
            return "redirect:" + BASE + "/templates";
        } catch (NoticeTemplates.TemplateProblem problem) {
            response.setStatus(422);
            model.addAttribute(
                    "templates",
                    templates.all().stream()
                            .map(t -> t.kind() == parsed && t.language().equals(language)
                                    ? new NoticeTemplates.Template(
                                            parsed, language, subject, body, t.edited(), t.updatedAt(), t.updatedBy())
                                    : t)
                            .toList());
            model.addAttribute(
                    "placeholders", NoticeTemplates.KNOWN.stream().sorted().toList());
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("problemTemplate", parsed.name() + "-" + language);
            return "takedown/templates";
        }
    }

    private static NoticeTemplates.Kind kind(String kind) {
        try {
            return NoticeTemplates.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new TakedownProblem.NotFound();
        }
    }

    // ---------------------------------------------------------------- figures

    @GetMapping(BASE + "/figures")
    String figures(Model model) {
        model.addAttribute("figures", tracking.figures());
        return "takedown/figures";
    }
}
