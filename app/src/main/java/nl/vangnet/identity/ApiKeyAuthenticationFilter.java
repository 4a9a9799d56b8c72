package nl.vangnet.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import nl.vangnet.shared.ApiProblem;
import nl.vangnet.shared.Languages;
import nl.vangnet.shared.Problems;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates API calls that carry a key ({@code Authorization: Bearer vgk_...} or
 * {@code X-Api-Key}), applies the client's rate limit, and answers a bad, revoked or over-limit key
 * with a problem that says exactly which. Calls without a key continue unauthenticated; the path
 * rules decide whether that is enough.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiClientManagement clients;
    private final ApiRateLimiter limiter;
    private final ApiKeyThrottle throttle;
    private final Problems problems;
    private final JsonMapper json;

    ApiKeyAuthenticationFilter(
            ApiClientManagement clients,
            ApiRateLimiter limiter,
            ApiKeyThrottle throttle,
            Problems problems,
            JsonMapper json) {
        this.clients = clients;
        this.limiter = limiter;
        this.throttle = throttle;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        // The attempt is reserved before the key is looked up, so parallel guesses cannot
        // overshoot the client's budget of wrong keys.
        ApiKeyThrottle.Admission admission = throttle.admit(request.getRemoteAddr());
        if (!admission.retryAfter().isZero()) {
            long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            refuse(request, response, 429, "too-many-requests", "api-key-attempts-exceeded", seconds);
            return;
        }
        ApiClientManagement.Check check;
        try {
            check = clients.check(key);
        } catch (RuntimeException e) {
            admission.attempt().good();
            throw e;
        }
        if (check instanceof ApiClientManagement.Check.Valid valid) {
            admission.attempt().good();
            long wait = limiter.acquire(valid.client());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                refuse(request, response, 429, "too-many-requests", "rate-limit-exceeded", wait);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiClientAuthentication(valid.client()));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        admission.attempt().bad();
        String code = switch (check) {
            case ApiClientManagement.Check.Malformed m -> "api-key-malformed";
            case ApiClientManagement.Check.Revoked r -> "api-key-revoked";
            default -> "api-key-invalid";
        };
        refuse(request, response, 401, "unauthorized", code, 0);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String slug, String code, long wait)
            throws IOException {
        Locale locale = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        ApiProblem problem = new ApiProblem(status, slug, List.of(ApiProblem.Item.of(code, null, wait)));
        response.setStatus(status);
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problems.body(problem, request.getRequestURI(), locale)));
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7);
        }
        return request.getHeader("X-Api-Key");
    }

    /** An authenticated API client with its scopes as authorities. */
    public static final class ApiClientAuthentication extends AbstractAuthenticationToken {
        private final ApiClient client;

        ApiClientAuthentication(ApiClient client) {
            super(client.scopes().stream()
                    .map(s -> new SimpleGrantedAuthority(s.authority()))
                    .toList());
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiClient getPrincipal() {
            return client;
        }
    }
}
