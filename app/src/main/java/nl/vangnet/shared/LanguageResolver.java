package nl.vangnet.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the page language: an explicit choice (the {@code lang} parameter, remembered in a
 * cookie only once the visitor switches), else the browser's Accept-Language restricted to Dutch
 * and English, else Dutch. No cookie is written for visitors who never switch.
 */
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "vangnet-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Languages.supportedOrDefault(cookie.getValue());
                }
            }
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

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale chosen = locale == null ? Languages.DUTCH : Languages.supportedOrDefault(locale.toLanguageTag());
        request.setAttribute(COOKIE, chosen);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(ONE_YEAR);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
