package nl.vangnet.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the page language: an explicit choice (the {@code lang} parameter), kept in the server
 * session only, so it ends with the session or the quick exit and leaves nothing on the device;
 * a choice the visitor asked to remember ({@code remember=yes}), kept in a cookie for a year;
 * else the browser's Accept-Language restricted to Dutch and English; else Dutch. No cookie at all
 * is written for visitors who never switch (docs/adr/0039).
 */
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = LanguageChoice.COOKIE;
    static final String SESSION = LanguageChoice.SESSION;
    private static final String REQUEST = "vangnet.lang.request";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(REQUEST);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION) instanceof String language) {
            return Languages.supportedOrDefault(language);
        }
        String remembered = LanguageChoice.rememberedCookie(request);
        if (remembered != null) {
            return Languages.supportedOrDefault(remembered);
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformedHeader) {
                // A malformed header is not worth an error page: fall through to Dutch.
            }
        }
        return Languages.DUTCH;
    }

    /**
     * With a response: the visitor chose this language, for this session (and, when a choice was
     * remembered before, the remembered choice follows). Without one: a default for this request
     * only (e.g. the English addresses of the portal), nothing stored.
     */
    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale chosen = locale == null ? Languages.DUTCH : Languages.supportedOrDefault(locale.toLanguageTag());
        request.setAttribute(REQUEST, chosen);
        if (response == null) {
            return;
        }
        request.getSession(true).setAttribute(SESSION, chosen.getLanguage());
        if (LanguageChoice.rememberedCookie(request) != null) {
            remember(request, response, chosen);
        }
    }

    /** Keeps the language in a cookie for a year, because the visitor asked for it. */
    static void remember(HttpServletRequest request, HttpServletResponse response, Locale language) {
        response.addCookie(cookie(request, language.getLanguage(), ONE_YEAR));
        request.setAttribute(LanguageChoice.REMEMBERED_NOW, language.getLanguage());
    }

    /** Removes a remembered language; the choice stays for this session. */
    static void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
        request.setAttribute(LanguageChoice.REMEMBERED_NOW, "");
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
