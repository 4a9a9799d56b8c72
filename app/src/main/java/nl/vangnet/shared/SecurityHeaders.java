package nl.vangnet.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (docs/adr/0005). Spring Security writes them for
 * requests that reach a filter chain; error responses made elsewhere (the error page, the
 * container's own error report for requests refused before the application saw them) apply them
 * from here, so no response is ever without them.
 */
public final class SecurityHeaders {

    /** No inline script or style anywhere; nothing from any other origin. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** API responses are data, never a document to render. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private SecurityHeaders() {}

    /** Sets every header, replacing values written before. */
    public static void apply(HttpServletResponse response, boolean api) {
        response.setHeader("Content-Security-Policy", api ? API_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (!api) {
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        }
    }
}
