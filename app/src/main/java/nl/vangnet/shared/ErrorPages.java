package nl.vangnet.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place errors that escape controllers are shown: problem+json under {@code /api/}, a
 * calm page in the visitor's language everywhere else. Never a stack trace or an exception text.
 * Error responses carry the same security headers as every page, also when the request was
 * refused before Spring Security's header writer ran (its firewall rejects {@code ..;} or
 * {@code //}). Requests refused by Tomcat itself get {@link PlainErrorPage} from {@link
 * ContainerErrorReport}. Asking for {@code /error} directly is a page that does not exist.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        int status = status(request);
        SecurityHeaders.apply(response, isApi(request));
        String accept = request.getHeader("Accept");
        boolean wantsPage = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (isApi(request) || !wantsPage) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return problems.response(
                    new ApiProblem(status, problemSlug(status)), uri == null ? null : uri.toString(), locale);
        }
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("messageKey", "error.page." + pageKind(status));
        page.addObject("homePath", Languages.isEnglish(locale) ? "/help" : "/");
        return page;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Not an error dispatch: someone asked for /error itself, which is no page of ours.
            return 404;
        }
        return code instanceof Integer i && i >= 400 ? i : 500;
    }

    static String pageKind(int status) {
        return switch (status) {
            case 400, 405, 415 -> "bad-request";
            case 413 -> "too-large";
            case 431 -> "headers-too-large";
            case 429 -> "too-many";
            case 401, 403 -> "forbidden";
            case 404 -> "not-found";
            default -> status >= 500 ? "server" : "bad-request";
        };
    }

    static String problemSlug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 431 -> "headers-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }
}
