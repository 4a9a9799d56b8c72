package nl.vangnet.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the help directory up to date here (ADMIN role, see SecurityConfiguration). */
@Controller
class DirectoryAdminPages {

    private static final String BASE = "/staff/admin/directory";

    private final HelpDirectory directory;
    private final DirectoryAdministration administration;

    DirectoryAdminPages(HelpDirectory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("organisations", directory.all());
        model.addAttribute("now", directory.now());
        return "directory/admin-list";
    }

    @PostMapping(BASE)
    String create(
            @RequestParam(name = "slug", defaultValue = "") String slug,
            @RequestParam(name = "name", defaultValue = "") String name,
            Principal principal,
            Model model,
            HttpServletResponse response) {
        try {
            HelpOrganisation created = administration.create(slug, name, principal.getName());
            return "redirect:" + BASE + "/" + created.slug();
        } catch (DirectoryAdministration.DirectoryProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("slug", slug);
            model.addAttribute("name", name);
            return list(model);
        }
    }

    @GetMapping(BASE + "/{slug}")
    String edit(@PathVariable String slug, Model model) {
        HelpOrganisation organisation = directory.bySlug(slug).orElse(null);
        if (organisation == null) {
            return "redirect:" + BASE;
        }
        model.addAttribute("o", organisation);
        model.addAttribute("formCodes", administration.formCodes());
        model.addAttribute("relationValues", administration.relations());
        model.addAttribute("needs", HelpNeed.values());
        model.addAttribute("routes", HelpOrganisation.Route.values());
        model.addAttribute("channelTypes", ChannelType.values());
        model.addAttribute("now", directory.now());
        return "directory/admin-edit";
    }

    @PostMapping(BASE + "/{slug}")
    String update(
            @PathVariable String slug,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "descriptionNl", defaultValue = "") String descriptionNl,
            @RequestParam(name = "descriptionEn", defaultValue = "") String descriptionEn,
            @RequestParam(name = "audience", defaultValue = "") String audience,
            @RequestParam(name = "forms", required = false) List<String> forms,
            @RequestParam(name = "needs", required = false) List<String> needs,
            @RequestParam(name = "relations", required = false) List<String> relations,
            @RequestParam(name = "specialisms", required = false) List<String> specialisms,
            @RequestParam(name = "route", defaultValue = "") String route,
            @RequestParam(name = "minAge", defaultValue = "") String minAge,
            @RequestParam(name = "maxAge", defaultValue = "") String maxAge,
            @RequestParam(name = "languages", defaultValue = "") String languages,
            @RequestParam(name = "anonymous", defaultValue = "") String anonymous,
            @RequestParam(name = "website", defaultValue = "") String website,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            @RequestParam(name = "position", defaultValue = "100") String position,
            Principal principal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            administration.update(
                    slug,
                    new DirectoryAdministration.OrganisationForm(
                            name,
                            descriptionNl,
                            descriptionEn,
                            audience,
                            forms == null ? List.of() : forms,
                            needs == null ? List.of() : needs,
                            relations == null ? List.of() : relations,
                            specialisms == null ? List.of() : specialisms,
                            route,
                            minAge,
                            maxAge,
                            languages,
                            anonymous,
                            website,
                            active,
                            position),
                    principal.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + BASE + "/" + slug;
        } catch (DirectoryAdministration.DirectoryProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            return edit(slug, model);
        }
    }

    @PostMapping(BASE + "/{slug}/channels")
    String addChannel(
            @PathVariable String slug,
            @RequestParam(name = "type", defaultValue = "") String type,
            @RequestParam(name = "contact", defaultValue = "") String contact,
            @RequestParam(name = "verified", defaultValue = "false") boolean verified,
            @RequestParam(name = "hours", defaultValue = "") String hours,
            Principal principal,
            RedirectAttributes redirect) {
        return channelAction(
                slug,
                redirect,
                () -> administration.addChannel(slug, type, contact, verified, hours, principal.getName()));
    }

    @PostMapping(BASE + "/{slug}/channels/{id}")
    String updateChannel(
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(name = "type", defaultValue = "") String type,
            @RequestParam(name = "contact", defaultValue = "") String contact,
            @RequestParam(name = "verified", defaultValue = "false") boolean verified,
            @RequestParam(name = "hours", defaultValue = "") String hours,
            Principal principal,
            RedirectAttributes redirect) {
        return channelAction(
                slug,
                redirect,
                () -> administration.updateChannel(slug, id, type, contact, verified, hours, principal.getName()));
    }

    @PostMapping(BASE + "/{slug}/channels/{id}/delete")
    String deleteChannel(
            @PathVariable String slug, @PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        return channelAction(slug, redirect, () -> administration.deleteChannel(slug, id, principal.getName()));
    }

    private static String channelAction(String slug, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (DirectoryAdministration.DirectoryProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:" + BASE + "/" + slug;
    }
}
