package nl.vangnet.taxonomy;

import java.util.Locale;
import nl.vangnet.shared.Languages;

/** A text in Dutch and English; both are required for anything a person reads. */
public record LocalizedText(String nl, String en) {

    public LocalizedText {
        nl = nl == null ? "" : nl;
        en = en == null ? "" : en;
    }

    public String in(Locale locale) {
        return Languages.isEnglish(locale) ? en : nl;
    }

    boolean complete() {
        return !nl.isBlank() && !en.isBlank();
    }
}
