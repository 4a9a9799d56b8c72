package nl.vangnet.identity;

import java.util.Map;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.shared.MasterKeyRotation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators see how many stored data keys are wrapped by an older master key, re-wrap them,
 * and, when the embedded default keeps the master key in its own file, rotate it in one step.
 * Never shows key material.
 */
@Controller
class MasterKeyPages {

    private static final String PATH = "/staff/admin/keys";

    private final MasterKeyRotation rotation;
    private final AuditTrail audit;

    MasterKeyPages(MasterKeyRotation rotation, AuditTrail audit) {
        this.rotation = rotation;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String status(Model model) {
        model.addAttribute("status", rotation.status());
        return "staff/admin/keys";
    }

    @PostMapping(PATH + "/rewrap")
    String rewrap(@AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        long done = rotation.rewrapAll().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        audit.record(
                user.getUsername(),
                AuditAction.DATA_KEYS_REWRAPPED,
                null,
                null,
                null,
                Map.of("rewrapped", String.valueOf(done)));
        redirect.addFlashAttribute("rewrapped", done);
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/rotate")
    String rotate(@AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        if (!rotation.status().ownKeyFile()) {
            redirect.addFlashAttribute("configured", true);
            return "redirect:" + PATH;
        }
        MasterKeyRotation.Outcome outcome = rotation.rotateOwnKeyFile();
        long done =
                outcome.rewrapped().values().stream().mapToLong(Long::longValue).sum();
        audit.record(
                user.getUsername(),
                AuditAction.MASTER_KEY_ROTATED,
                null,
                null,
                null,
                Map.of(
                        "rewrapped", String.valueOf(done),
                        "oldKeysDropped", String.valueOf(outcome.oldKeysDropped())));
        redirect.addFlashAttribute("rotated", outcome.oldKeysDropped());
        redirect.addFlashAttribute("rewrapped", done);
        return "redirect:" + PATH;
    }
}
