package nl.vangnet.intake;

import java.util.Locale;
import nl.vangnet.shared.Languages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The portal's addresses in the page language: Dutch under /hulp and /opvolgen, English under /help and /follow-up. */
@ControllerAdvice(assignableTypes = {IntakePages.class, FollowUpPages.class})
class PortalPaths {

    static String help(Locale locale) {
        return Languages.isEnglish(locale) ? "/help" : "/hulp";
    }

    static String followUp(Locale locale) {
        return Languages.isEnglish(locale) ? "/follow-up" : "/opvolgen";
    }

    static String urgent(Locale locale) {
        return Languages.isEnglish(locale) ? "/help/urgent" : "/hulp/direct";
    }

    static String saved(Locale locale) {
        return Languages.isEnglish(locale) ? "/help/saved" : "/hulp/bewaard";
    }

    static String start(Locale locale) {
        return Languages.isEnglish(locale) ? "/help" : "/";
    }

    @ModelAttribute("helpPath")
    String helpPath(Locale locale) {
        return help(locale);
    }

    @ModelAttribute("followUpPath")
    String followUpPath(Locale locale) {
        return followUp(locale);
    }

    @ModelAttribute("clearPath")
    String clearPath(Locale locale) {
        return Languages.isEnglish(locale) ? "/help/clear" : "/hulp/wissen";
    }

    @ModelAttribute("messagePath")
    String messagePath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/message" : "/bericht");
    }

    @ModelAttribute("consentPath")
    String consentPath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/consent" : "/toestemming");
    }

    @ModelAttribute("sharePath")
    String sharePath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/share" : "/delen");
    }

    @ModelAttribute("deletePath")
    String deletePath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/delete" : "/verwijderen");
    }

    @ModelAttribute("donePath")
    String donePath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/done" : "/klaar");
    }

    @ModelAttribute("notifyPath")
    String notifyPath(Locale locale) {
        return followUp(locale) + (Languages.isEnglish(locale) ? "/notify" : "/seintje");
    }

    @ModelAttribute("notifyRemovePath")
    String notifyRemovePath(Locale locale) {
        return notifyPath(locale) + (Languages.isEnglish(locale) ? "/remove" : "/weg");
    }

    @ModelAttribute("savedPath")
    String savedPath(Locale locale) {
        return saved(locale);
    }

    @ModelAttribute("startPath")
    String startPath(Locale locale) {
        return start(locale);
    }
}
