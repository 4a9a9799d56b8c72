package nl.vangnet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every failure of a REST controller into a localized problem+json response. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final Problems problems;

    ApiErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem, HttpServletRequest request, Locale locale) {
        return problems.response(problem, request.getRequestURI(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request, Locale locale) {
        if (causedByTooLargeBody(e)) {
            return problems.response(new ApiProblem(413, "body-too-large"), request.getRequestURI(), locale);
        }
        return problems.response(new ApiProblem(400, "malformed-body"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedType(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(415, "unsupported-media-type"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(406, "not-acceptable"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(405, "method-not-allowed"), request.getRequestURI(), locale);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request, Locale locale) {
        String name = e instanceof MissingServletRequestParameterException missing
                ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        ApiProblem problem =
                new ApiProblem(400, "bad-parameter", List.of(ApiProblem.Item.of("bad-parameter", name, name)));
        return problems.response(problem, request.getRequestURI(), locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        // Logged with the exception class only: messages may carry request data.
        log.error(
                "Unexpected error on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getName(),
                e);
        return problems.response(new ApiProblem(500, "internal"), request.getRequestURI(), locale);
    }

    private static boolean causedByTooLargeBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.RequestTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
