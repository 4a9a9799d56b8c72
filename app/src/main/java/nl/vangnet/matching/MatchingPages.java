package nl.vangnet.matching;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vangnet.shared.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff see the banks with platform feedback, add takedown hashes and withdraw hashes. */
@Controller
class MatchingPages {

    private static final int MAX_LINES = HashBanks.MAX_HASHES_PER_CALL;

    private final HashBanks banks;

    MatchingPages(HashBanks banks) {
        this.banks = banks;
    }

    @GetMapping("/staff/matching")
    String overview(Model model) {
        model.addAttribute("statistics", banks.statistics());
        model.addAttribute("banks", banks.banks());
        model.addAttribute("indexed", banks.indexedHashes());
        model.addAttribute("recent", banks.recent("takedown", 20));
        return "matching/overview";
    }

    @PostMapping("/staff/matching/staff-hashes")
    String addStaffHashes(
            @AuthenticationPrincipal UserDetails user,
            @RequestParam(name = "hashes", defaultValue = "") String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<HashBanks.SubmittedHash> submitted = new ArrayList<>();
        List<String> lineProblems = new ArrayList<>();
        String[] lines = text.strip().isEmpty() ? new String[0] : text.strip().split("\\R");
        for (int i = 0; i < lines.length && i <= MAX_LINES; i++) {
            String[] parts = lines[i].strip().split("\\s*,\\s*");
            int quality = -1;
            if (parts.length == 2) {
                try {
                    quality = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    quality = -1;
                }
            }
            if (parts.length != 2 || quality < 0) {
                lineProblems.add(Integer.toString(i + 1));
            } else {
                submitted.add(new HashBanks.SubmittedHash(parts[0], quality, null));
            }
        }
        try {
            if (!lineProblems.isEmpty()) {
                throw new ApiProblem(
                        422,
                        "hashes-invalid",
                        List.of(ApiProblem.Item.of("line-format", "hashes", String.join(", ", lineProblems))));
            }
            List<UUID> added = banks.addStaffHashes(user.getUsername(), null, submitted);
            redirect.addFlashAttribute("added", added.size());
            return "redirect:/staff/matching";
        } catch (ApiProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.items());
            model.addAttribute("hashes", text);
            return overview(model);
        }
    }

    @PostMapping("/staff/matching/withdraw")
    String withdraw(
            @AuthenticationPrincipal UserDetails user,
            @RequestParam(name = "reference", defaultValue = "") String reference,
            RedirectAttributes redirect) {
        boolean done;
        try {
            done = banks.withdraw(user.getUsername(), UUID.fromString(reference.strip()));
        } catch (IllegalArgumentException e) {
            done = false;
        }
        redirect.addFlashAttribute(done ? "withdrawn" : "withdrawFailed", true);
        return "redirect:/staff/matching";
    }
}
