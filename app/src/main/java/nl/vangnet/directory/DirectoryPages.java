package nl.vangnet.directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every active help organisation on one public page, for people who want to choose for
 * themselves instead of answering questions: what each does, for whom, and how to reach it now.
 * Nothing is loaded from their websites, and the page works without JavaScript.
 */
@Controller
class DirectoryPages {

    private final HelpDirectory directory;

    DirectoryPages(HelpDirectory directory) {
        this.directory = directory;
    }

    @GetMapping({"/hulpadressen", "/help-addresses"})
    String list(Model model) {
        model.addAttribute("organisations", directory.forVictims());
        model.addAttribute(
                "ownBehaviour",
                directory.all().stream()
                        .filter(HelpOrganisation::active)
                        .filter(o -> o.audience() == HelpOrganisation.Audience.OWN_BEHAVIOUR)
                        .toList());
        model.addAttribute("crisisLines", directory.crisisLines());
        model.addAttribute("now", directory.now());
        return "directory/list";
    }
}
