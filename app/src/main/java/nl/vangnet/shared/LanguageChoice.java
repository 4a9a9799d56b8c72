package nl.vangnet.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * How the visitor's language was chosen, for modules that pick a default language from the
 * address (the portal's English paths) and must not override an explicit choice.
 */
public final class LanguageChoice {

    /** The cookie of a language the visitor asked to remember on this device. */
    public static final String COOKIE = "vangnet-lang";

    static final String SESSION = "vangnet.lang";
    static final String REMEMBERED_NOW = "vangnet.lang.remembered";

    private LanguageChoice() {}

    /** True when the visitor chose a language: now ({@code lang}), in this session, or remembered. */
    public static boolean explicit(HttpServletRequest request) {
        if (request.getParameter("lang") != null || rememberedCookie(request) != null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION) != null;
    }

    /** Whether the language is remembered on this device (after this request's changes). */
    public static boolean remembered(HttpServletRequest request) {
        Object now = request.getAttribute(REMEMBERED_NOW);
        if (now instanceof String value) {
            return !value.isEmpty();
        }
        return rememberedCookie(request) != null;
    }

    static @Nullable String rememberedCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
