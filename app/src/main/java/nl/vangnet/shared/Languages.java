package nl.vangnet.shared;

import java.util.List;
import java.util.Locale;

/** The languages Vangnet speaks: Dutch first, English always. */
public final class Languages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);

    private Languages() {}

    /** The supported language for a tag such as {@code en-GB}, or Dutch for anything else. */
    public static Locale supportedOrDefault(String tag) {
        if (tag == null) {
            return DUTCH;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(language))
                .findFirst()
                .orElse(DUTCH);
    }

    /** The best supported language for an Accept-Language header, or Dutch. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DUTCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DUTCH : best;
        } catch (IllegalArgumentException malformed) {
            return DUTCH;
        }
    }

    public static boolean isEnglish(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
