package nl.vangnet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the language, the quick-exit target and the demo flag. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    private final VangnetProperties properties;

    LayoutAttributes(VangnetProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("quickExitUrl")
    String quickExitUrl() {
        return properties.quickExitUrl();
    }

    /** Where the quick-exit link goes: the endpoint that ends the session, then the neutral site. */
    @ModelAttribute("quickExitPath")
    String quickExitPath() {
        return QuickExit.PATH;
    }

    /** {@code none}, {@code session} (chosen for this session only) or {@code remembered} (on this device). */
    @ModelAttribute("languageChoice")
    String languageChoice(HttpServletRequest request) {
        if (LanguageChoice.remembered(request)) {
            return "remembered";
        }
        return LanguageChoice.explicit(request) ? "session" : "none";
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demo();
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return Languages.isEnglish(locale) ? "en" : "nl";
    }

    @ModelAttribute("otherLang")
    String otherLang(Locale locale) {
        return Languages.isEnglish(locale) ? "nl" : "en";
    }
}
