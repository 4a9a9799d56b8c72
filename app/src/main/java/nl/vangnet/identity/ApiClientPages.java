package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create and revoke API keys for platforms and partner systems. */
@Controller
class ApiClientPages {

    private final ApiClientManagement clients;
    private final StaffManagement staff;

    ApiClientPages(ApiClientManagement clients, StaffManagement staff) {
        this.clients = clients;
        this.staff = staff;
    }

    @GetMapping("/staff/admin/api-clients")
    String list(Model model) {
        List<Organisation> organisations = staff.organisations();
        Map<OrganisationId, String> names =
                organisations.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        model.addAttribute("clients", clients.clients());
        model.addAttribute("organisationNames", names);
        model.addAttribute("organisations", organisations);
        model.addAttribute("scopes", ApiScope.values());
        if (!model.containsAttribute("rate")) {
            model.addAttribute("rate", 600);
        }
        return "staff/admin/api-clients";
    }

    @PostMapping("/staff/admin/api-clients")
    String create(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "scopes", required = false) List<String> scopes,
            @RequestParam(name = "rate", defaultValue = "") String rate,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            for (ApiScope s : ApiScope.values()) {
                if (s.name().equals(scope)) {
                    parsed.add(s);
                }
            }
        }
        int perMinute;
        try {
            perMinute = Integer.parseInt(rate.strip());
        } catch (NumberFormatException e) {
            perMinute = -1;
        }
        UUID org;
        try {
            org = UUID.fromString(organisation);
        } catch (IllegalArgumentException e) {
            org = new UUID(0, 0);
        }
        try {
            ApiClientManagement.NewClient created =
                    clients.create(principal.getUsername(), name, new OrganisationId(org), parsed, perMinute);
            redirect.addFlashAttribute("createdName", created.client().name());
            redirect.addFlashAttribute("createdKey", created.key());
            return "redirect:/staff/admin/api-clients";
        } catch (StaffManagement.IdentityProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("name", name);
            model.addAttribute("rate", rate);
            model.addAttribute("selectedScopes", parsed);
            return list(model);
        }
    }

    @PostMapping("/staff/admin/api-clients/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal StaffPrincipal principal, @PathVariable String id, RedirectAttributes redirect) {
        try {
            clients.revoke(principal.getUsername(), UUID.fromString(id));
        } catch (IllegalArgumentException | StaffManagement.IdentityProblem e) {
            redirect.addFlashAttribute("problems", List.of("apiclient.unknown"));
        }
        return "redirect:/staff/admin/api-clients";
    }
}
