package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Keeps a staff member with a one-time password on the change-password page until they choose one. */
@Configuration(proxyBeanMethods = false)
class MustChangePasswordInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String PASSWORD_PAGE = "/staff/account/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/staff/**").excludePathPatterns(PASSWORD_PAGE, "/staff/login");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && principal.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }
}
