package nl.vangnet.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.shared.LanguageChoice;
import nl.vangnet.shared.Languages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration implements WebMvcConfigurer {

    private final LocaleResolver locales;

    IntakeConfiguration(LocaleResolver locales) {
        this.locales = locales;
    }

    /**
     * The English addresses ({@code /help}, {@code /follow-up}) speak English and the Dutch ones
     * ({@code /hulp}, {@code /opvolgen}) Dutch, unless the visitor chose a language explicitly
     * (the {@code lang} parameter, for this session or remembered). Nothing is stored for this.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (LanguageChoice.explicit(request)) {
                            return true;
                        }
                        String path = request.getRequestURI()
                                .substring(request.getContextPath().length());
                        if (path.equals("/help") || path.startsWith("/help/") || path.startsWith("/follow-up")) {
                            locales.setLocale(request, null, Languages.ENGLISH);
                        } else if (path.startsWith("/hulp") || path.startsWith("/opvolgen")) {
                            locales.setLocale(request, null, Languages.DUTCH);
                        }
                        return true;
                    }
                })
                .addPathPatterns(
                        "/help", "/help/**", "/hulp/**", "/follow-up", "/follow-up/**", "/opvolgen", "/opvolgen/**");
    }
}
