package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login, the staff start page and changing one's own password. */
@Controller
class StaffPages {

    private final StaffManagement staff;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    StaffPages(StaffManagement staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }

    @GetMapping("/staff")
    String home(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        model.addAttribute("principal", principal);
        model.addAttribute(
                "organisation",
                staff.organisation(principal.organisationId())
                        .map(Organisation::name)
                        .orElse(""));
        return "staff/home";
    }

    @GetMapping("/staff/account/password")
    String passwordForm(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        model.addAttribute("mustChange", principal.mustChangePassword());
        model.addAttribute("minLength", Passwords.MIN_LENGTH);
        return "staff/password";
    }

    @PostMapping("/staff/account/password")
    String changePassword(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "current", defaultValue = "") String current,
            @RequestParam(name = "chosen", defaultValue = "") String chosen,
            @RequestParam(name = "repeated", defaultValue = "") String repeated,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            staff.changeOwnPassword(principal.getUsername(), current, chosen, repeated);
        } catch (StaffManagement.IdentityProblem problem) {
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("mustChange", principal.mustChangePassword());
            model.addAttribute("minLength", Passwords.MIN_LENGTH);
            response.setStatus(422);
            return "staff/password";
        }
        StaffAccount refreshed = staff.account(principal.getUsername()).orElseThrow();
        StaffPrincipal updated = new StaffPrincipal(refreshed, "");
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/staff?passwordChanged";
    }

    static List<Role> allRoles() {
        return List.of(Role.values());
    }
}
