package nl.vangnet.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one "busy" answer: 503 with {@code Retry-After}, as problem+json under {@code /api/} and as
 * a calm page everywhere else. The page says that nothing is lost and, for a form that was sent,
 * carries what was typed back in a "send again" form (the same fields, to the same address), so a
 * victim whose help request met a full server presses one button a minute later and loses nothing.
 * The page is {@code no-store} like every other page, so the typed text stays out of caches.
 *
 * <p>Reached in two ways: {@link WorkAdmission} refuses a request that got no turn, and work that
 * started but found no database connection or hashing slot in time throws.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyPage {

    private final Problems problems;
    private final LoadProperties settings;
    private final VangnetProperties vangnet;

    BusyPage(Problems problems, LoadProperties settings, VangnetProperties vangnet) {
        this.problems = problems;
        this.settings = settings;
        this.vangnet = vangnet;
    }

    @ExceptionHandler({Busy.class, CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    Object ranOutOfCapacity(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return busy(request, response, locale, request.getRequestURI(), request.getQueryString());
    }

    private Object busy(
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            String originalUri,
            @org.jspecify.annotations.Nullable String query) {
        String retryAfter = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
        String path = originalUri.substring(request.getContextPath().length());
        if (path.startsWith("/api/") || !acceptsHtml(request)) {
            ResponseEntity<Map<String, Object>> problem =
                    problems.response(new ApiProblem(503, "busy"), originalUri, locale);
            return ResponseEntity.status(503)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .contentType(Problems.PROBLEM_JSON)
                    .body(problem.getBody());
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        ModelAndView page = new ModelAndView("busy");
        // An exception handler gets a fresh model without the layout's advice attributes.
        boolean english = Languages.isEnglish(locale);
        page.addObject("lang", english ? "en" : "nl");
        page.addObject("otherLang", english ? "nl" : "en");
        page.addObject("quickExitUrl", vangnet.quickExitUrl());
        page.addObject("quickExitPath", QuickExit.PATH);
        page.addObject("languageChoice", "none");
        page.addObject("demoMode", vangnet.demo());
        page.addObject("minutes", Math.max(1, (settings.retryAfter().toSeconds() + 59) / 60));
        boolean form = "POST".equals(request.getMethod()) && isUrlEncodedForm(request);
        page.addObject("resend", form);
        page.addObject("action", path);
        page.addObject("fields", form ? fields(request) : List.of());
        page.addObject("again", "GET".equals(request.getMethod()) ? path + (query == null ? "" : "?" + query) : null);
        page.addObject("kind", path.startsWith("/staff") ? "staff" : "public");
        return page;
    }

    /** A field to send again: what the person typed or chose, never the old CSRF token (the form adds its own). */
    record Field(String name, String value) {}

    private static List<Field> fields(HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if ("_csrf".equals(parameter.getKey())) {
                continue;
            }
            for (String value : parameter.getValue()) {
                fields.add(new Field(parameter.getKey(), value));
            }
        }
        return fields;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains(MediaType.TEXT_HTML_VALUE) || accept.contains("*/*");
    }

    private static boolean isUrlEncodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }
}
