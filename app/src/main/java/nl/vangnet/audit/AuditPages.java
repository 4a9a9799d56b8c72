package nl.vangnet.audit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Administrators read the latest audit entries and verify the whole chain. */
@Controller
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/staff/admin/audit")
    String latest(Model model) {
        model.addAttribute("entries", trail.latest(100));
        return "staff/admin/audit";
    }

    @PostMapping("/staff/admin/audit/verify")
    String verify(@AuthenticationPrincipal UserDetails user, Model model) {
        AuditTrail.Verification verification = trail.verify();
        trail.record(user.getUsername(), AuditAction.AUDIT_VERIFIED, null, null);
        model.addAttribute("verification", verification);
        return latest(model);
    }
}
