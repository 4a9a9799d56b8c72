package nl.vangnet.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The language switch: {@code ?lang=en} chooses English for this session; {@code remember=yes}
 * keeps the current language on this device (a cookie for a year), {@code remember=no} forgets it.
 */
class LanguageSwitch implements HandlerInterceptor {

    private final LanguageResolver resolver;

    LanguageSwitch(LanguageResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            resolver.setLocale(request, response, Languages.supportedOrDefault(lang));
        }
        String remember = request.getParameter("remember");
        if ("yes".equals(remember)) {
            Locale current = resolver.resolveLocale(request);
            request.getSession(true).setAttribute(LanguageResolver.SESSION, current.getLanguage());
            LanguageResolver.remember(request, response, current);
        } else if ("no".equals(remember)) {
            LanguageResolver.forget(request, response);
        }
        return true;
    }
}
