package nl.vangnet.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent after the session ended (or without any session cookie) fails its CSRF check. That
 * is nearly always someone who took a break, not an attack, so they get a calm page that says
 * what happened and where to pick up, instead of "no access". Anything else refused stays a 403.
 */
final class SessionExpiredHandler implements AccessDeniedHandler {

    static final String PATH = "/sessie-verlopen";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        boolean sessionGone = request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid();
        if (refused instanceof CsrfException && sessionGone) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PATH + "?waar=" + area(request));
            return;
        }
        otherwise.handle(request, response, refused);
    }

    /** Where the visitor was, as one of a few fixed words (never anything from the request itself). */
    static String area(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/staff")) {
            return "staff";
        }
        if (path.startsWith("/opvolgen") || path.startsWith("/follow-up")) {
            return "opvolgen";
        }
        if (path.startsWith("/vragenlijst")) {
            return "vragenlijst";
        }
        return "hulp";
    }
}
