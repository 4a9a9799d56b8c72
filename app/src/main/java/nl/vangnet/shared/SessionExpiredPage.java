package nl.vangnet.shared;

import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a form sent after the session ended lands (see the identity module's security set-up):
 * what happened, what was kept, and one link to pick up again, in the visitor's language.
 */
@Controller
class SessionExpiredPage {

    private static final Set<String> AREAS = Set.of("hulp", "opvolgen", "staff", "vragenlijst");

    @GetMapping({"/sessie-verlopen", "/session-expired"})
    String page(@RequestParam(name = "waar", defaultValue = "hulp") String where, Locale locale, Model model) {
        String area = AREAS.contains(where) ? where : "hulp";
        boolean english = Languages.isEnglish(locale);
        String next = switch (area) {
            case "opvolgen" -> english ? "/follow-up" : "/opvolgen";
            case "staff" -> "/staff/login";
            case "vragenlijst" -> null;
            default -> english ? "/help" : "/";
        };
        model.addAttribute("area", area);
        model.addAttribute("next", next);
        return "session-expired";
    }
}
