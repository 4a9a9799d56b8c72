package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage organisations and staff accounts here. */
@Controller
class AdminPages {

    private final StaffManagement staff;

    AdminPages(StaffManagement staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/admin")
    String index() {
        return "redirect:/staff/admin/accounts";
    }

    @GetMapping("/staff/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("organisations", staff.organisations());
        model.addAttribute("kinds", OrganisationKind.values());
        return "staff/admin/organisations";
    }

    @PostMapping("/staff/admin/organisations")
    String createOrganisation(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", defaultValue = "OTHER") String kind,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrganisationKind parsedKind = parse(OrganisationKind.class, kind);
        try {
            if (parsedKind == null) {
                throw new StaffManagement.IdentityProblem(List.of("organisation.kind.invalid"));
            }
            Organisation created = staff.createOrganisation(principal.getUsername(), name, parsedKind);
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/staff/admin/organisations";
        } catch (StaffManagement.IdentityProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("name", name);
            return organisations(model);
        }
    }

    @GetMapping("/staff/admin/accounts")
    String accounts(Model model) {
        List<Organisation> organisations = staff.organisations();
        Map<OrganisationId, String> names =
                organisations.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        model.addAttribute("accounts", staff.accounts());
        model.addAttribute("organisationNames", names);
        model.addAttribute("organisations", organisations);
        model.addAttribute("roles", Role.values());
        return "staff/admin/accounts";
    }

    @PostMapping("/staff/admin/accounts")
    String createAccount(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "roles", required = false) List<String> roles,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Set<Role> parsedRoles = EnumSet.noneOf(Role.class);
        boolean unknownRole = false;
        for (String role : roles == null ? List.<String>of() : roles) {
            Role parsed = parse(Role.class, role);
            if (parsed == null) {
                unknownRole = true;
            } else {
                parsedRoles.add(parsed);
            }
        }
        UUID organisationId = uuid(organisation);
        try {
            if (unknownRole) {
                throw new StaffManagement.IdentityProblem(List.of("account.roles.invalid"));
            }
            StaffManagement.NewAccount created = staff.createAccount(
                    principal.getUsername(),
                    username,
                    displayName,
                    new OrganisationId(organisationId == null ? new UUID(0, 0) : organisationId),
                    parsedRoles);
            redirect.addFlashAttribute("createdUsername", created.account().username());
            redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
            return "redirect:/staff/admin/accounts";
        } catch (StaffManagement.IdentityProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("selectedOrganisation", organisation);
            model.addAttribute("selectedRoles", parsedRoles);
            return accounts(model);
        }
    }

    @PostMapping("/staff/admin/accounts/{id}/enabled")
    String setEnabled(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable String id,
            @RequestParam(name = "enabled") boolean enabled,
            RedirectAttributes redirect) {
        UUID parsed = uuid(id);
        try {
            if (parsed == null) {
                throw new StaffManagement.IdentityProblem(List.of("account.unknown"));
            }
            staff.setEnabled(principal.getUsername(), new StaffAccountId(parsed), enabled);
        } catch (StaffManagement.IdentityProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:/staff/admin/accounts";
    }

    @PostMapping("/staff/admin/accounts/{id}/password")
    String resetPassword(
            @AuthenticationPrincipal StaffPrincipal principal, @PathVariable String id, RedirectAttributes redirect) {
        UUID parsed = uuid(id);
        try {
            if (parsed == null) {
                throw new StaffManagement.IdentityProblem(List.of("account.unknown"));
            }
            String password = staff.resetPassword(principal.getUsername(), new StaffAccountId(parsed));
            String username = staff.accounts().stream()
                    .filter(a -> a.id().value().equals(parsed))
                    .map(StaffAccount::username)
                    .findFirst()
                    .orElse("");
            redirect.addFlashAttribute("createdUsername", username);
            redirect.addFlashAttribute("oneTimePassword", password);
        } catch (StaffManagement.IdentityProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:/staff/admin/accounts";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        Map<String, E> byName = EnumSet.allOf(type).stream().collect(Collectors.toMap(Enum::name, Function.identity()));
        return byName.get(value);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
