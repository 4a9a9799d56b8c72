package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@VangnetIntegrationTest
class WebShellIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void landingPageIsDutchByDefault() {
        HttpResponse<String> response = http.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"nl\"", "Het is niet jouw schuld", "Snel weg");
    }

    @Test
    void respectsAcceptLanguageAndTheExplicitSwitch() {
        assertThat(http.get("/", Map.of("Accept-Language", "en-US,en;q=0.8")).body())
                .contains("<html lang=\"en\"", "It is not your fault");
        assertThat(http.get("/", Map.of("Accept-Language", "de-DE")).body()).contains("<html lang=\"nl\"");
        HttpResponse<String> switched = http.get("/?lang=en");
        assertThat(switched.body()).contains("<html lang=\"en\"");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("vangnet-lang=en").contains("HttpOnly");
        assertThat(http.get("/", Map.of("Cookie", "vangnet-lang=en")).body()).contains("<html lang=\"en\"");
    }

    @Test
    void noCookieIsSetOnTheLandingPageWithoutAChoice() {
        assertThat(http.get("/").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void publicPagesCarryStrictSecurityHeaders() {
        HttpResponse<String> response = http.get("/");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void pagesContainNoInlineScriptOrStyle() {
        String body = http.get("/").body();
        assertThat(body).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("style=");
        assertThat(body).doesNotContainPattern("(src|href)=\"https?://(?!www\\.weeronline\\.nl)");
    }

    @Test
    void healthIsPublicAndShowsOnlyTheStatus() {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    @Test
    void unknownPagesGetACalmPageInTheVisitorsLanguage() {
        HttpResponse<String> response = http.get("/bestaat-niet", Map.of("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Deze pagina bestaat niet").doesNotContain("Whitelabel", "Exception");
        HttpResponse<String> english =
                http.get("/does-not-exist", Map.of("Accept", "text/html", "Accept-Language", "en"));
        assertThat(english.body()).contains("This page does not exist");
    }

    @Test
    void staffPagesNeedALogin() {
        HttpResponse<String> response = http.get("/staff", Map.of("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/staff/login"));
        assertThat(http.get("/staff/admin/accounts", Map.of("Accept", "text/html"))
                        .statusCode())
                .isEqualTo(302);
    }
}
