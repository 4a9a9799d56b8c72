package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.vangnet.EdgeTest;
import nl.vangnet.Http;
import nl.vangnet.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What answers requests that are refused before the application's own code runs, or fail around
 * it: sent byte for byte over a socket on loopback, because a normal HTTP client would refuse to
 * send most of them. Every answer must be our calm page (or problem+json under /api/) with the
 * full security headers, never Tomcat's report (docs/adr/0034).
 */
@EdgeTest
class EdgeErrorPagesIT {

    private static final String CSP = SecurityHeaders.CONTENT_SECURITY_POLICY;

    @LocalServerPort
    int port;

    RawHttp raw;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port);
    }

    private RawHttp.Response get(String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return raw.send(request.toString());
    }

    private static void assertOurPage(RawHttp.Response response, int status, String language) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body())
                .contains("<html lang=\"" + language + "\"")
                .contains(language.equals("en") ? "Something went wrong" : "Er ging iets mis")
                .contains(language.equals("en") ? "Error code " + status : "Foutcode " + status)
                .contains("data-quick-exit", "href=\"/exit\"", "/js/quick-exit.js");
        assertNoInternals(response);
        assertSecurityHeaders(response, CSP);
    }

    private static void assertSecurityHeaders(RawHttp.Response response, String csp) {
        assertThat(response.header("Content-Security-Policy")).hasValue(csp);
        assertThat(response.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.header("X-Frame-Options")).hasValue("DENY");
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.header("Server")).isEmpty();
    }

    private static void assertNoInternals(RawHttp.Response response) {
        assertThat(response.body())
                .doesNotContain("Tomcat", "Apache", "HTTP Status", "Exception", "at org.", "java.", "<style", "style=");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/opvolgen%2fverzoek", // encoded slash
                "/opvolgen%00", // encoded NUL
                "/..;/staff", // path parameter on a dot segment (refused by Tomcat)
                "/hulp/..;/staff", // the same further in (refused by Spring Security's firewall)
                "//staff", // empty segment (firewall)
                "/opvolgen%zz", // invalid percent-encoding
                "/opvolgen%c0%af", // overlong UTF-8
                "/opvolgen{x}", // characters not allowed in a request target
                "/staff/%2e%2e/admin" // encoded dot segment
            })
    void malformedPathsGetOurPage(String target) {
        assertOurPage(get(target, "Accept: text/html"), 400, "nl");
    }

    @Test
    void theLanguageFollowsTheVisitorEvenForRefusedRequests() {
        assertOurPage(get("/opvolgen%2fverzoek", "Accept-Language: en-GB,en;q=0.9"), 400, "en");
        assertOurPage(get("/opvolgen%2fverzoek", "Cookie: vangnet-lang=en"), 400, "en");
        assertOurPage(get("/hulp/..;/staff", "Accept: text/html", "Accept-Language: en"), 400, "en");
    }

    @Test
    void refusedMethodsGetOurPageOrProblemJson() {
        RawHttp.Response page =
                raw.send("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertOurPage(page, 405, "nl");
        RawHttp.Response json = raw.send("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(json.status()).isEqualTo(405);
        assertThat(json.body()).contains("urn:vangnet:problem:method-not-allowed");
        assertNoInternals(json);
        assertSecurityHeaders(json, CSP);
    }

    @Test
    void headersTooLargeGet431() {
        RawHttp.Response response = get("/", "Accept-Language: en", "X-Padding: " + "a".repeat(20_000));
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.body()).contains("Error code 431", "cookies").doesNotContain("Tomcat");
        assertSecurityHeaders(response, CSP);
    }

    @Test
    void aBodyTooLargeGets413WithOurPage() {
        RawHttp.Response response = raw.send("POST /opvolgen HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9999999\r\n"
                + "Connection: close\r\n\r\nreceipt=1");
        assertOurPage(response, 413, "nl");
        assertThat(response.body()).contains("te groot");
    }

    @Test
    void askingForTheErrorPageItselfIsNotFoundNotAServerError() {
        assertOurPage(get("/error", "Accept: text/html"), 404, "nl");
        RawHttp.Response json = get("/error");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).contains("urn:vangnet:problem:not-found");
    }

    @Test
    void apiPathsGetProblemJsonWithTheApiPolicy() {
        RawHttp.Response response = get("/api/v1/help-requests%2flookup", "Accept-Language: en");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"urn:vangnet:problem:bad-request\"", "\"title\":\"Invalid request\"");
        assertNoInternals(response);
        assertSecurityHeaders(response, SecurityHeaders.API_CONTENT_SECURITY_POLICY);

        RawHttp.Response firewall = get("/api/v1/..;/taxonomy");
        assertThat(firewall.status()).isEqualTo(400);
        assertThat(firewall.body()).contains("urn:vangnet:problem:bad-request");
        assertSecurityHeaders(firewall, SecurityHeaders.API_CONTENT_SECURITY_POLICY);
    }

    @Test
    void redirectsNeverReflectAForgedHostHeader() {
        RawHttp.Response staff =
                raw.send("GET /staff HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(staff.status()).isEqualTo(302);
        assertThat(staff.header("Location")).hasValue("/staff/login");

        RawHttp.Response forwarded =
                raw.send("GET /staff HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: https\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(forwarded.header("Location")).hasValue("/staff/login");

        RawHttp.Response login = raw.send("POST /staff/login HTTP/1.1\r\nHost: evil.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\nConnection: close\r\n\r\n"
                + "username=x&password=y&_csrf");
        assertThat(login.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/").doesNotContain("evil"));

        // The OpenAPI document names the configured public address, not the caller's Host.
        RawHttp.Response docs =
                raw.send("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"url\":\"https://vangnet.example.test\"")
                .doesNotContain("evil");
    }

    @Test
    void ordinaryPagesAreUnchanged() {
        HttpResponse<String> start = new Http(port).get("/", Map.of());
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(new Http(port)
                        .get("/bestaat-niet", Map.of("Accept", "text/html"))
                        .body())
                .contains("Deze pagina bestaat niet", "Foutcode 404");
    }
}
