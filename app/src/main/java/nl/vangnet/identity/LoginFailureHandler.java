package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed login back to the form. Wrong name, wrong password and disabled account all get
 * the same message, so the form is no oracle for which accounts exist; only a lock is told apart,
 * with how long to wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String target = exception instanceof ThrottledAuthenticationProvider.LoginThrottledException throttled
                ? "/staff/login?locked=" + Math.max(1, (throttled.waitTime().toSeconds() + 59) / 60)
                : "/staff/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }
}
