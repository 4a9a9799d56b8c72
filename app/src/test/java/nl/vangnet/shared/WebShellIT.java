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
        // People worried about their own behaviour are pointed somewhere too, here and on the directory page.
        assertThat(response.body()).contains("Maak je je zorgen over je eigen gedrag?");
        assertThat(http.get("/hulpadressen").body()).contains("Maak je je zorgen over je eigen gedrag?");
    }

    @Test
    void respectsAcceptLanguageAndKeepsTheExplicitSwitchForTheSessionOnly() {
        assertThat(http.get("/", Map.of("Accept-Language", "en-US,en;q=0.8")).body())
                .contains("<html lang=\"en\"", "It is not your fault");
        assertThat(http.get("/", Map.of("Accept-Language", "de-DE")).body()).contains("<html lang=\"nl\"");
        HttpResponse<String> switched = http.get("/?lang=en");
        assertThat(switched.body()).contains("<html lang=\"en\"", "Remember this language on this device");
        // The choice lives in the server session: only the session cookie, which ends with the browser session.
        java.util.List<String> cookies = switched.headers().allValues("Set-Cookie");
        assertThat(cookies).noneMatch(c -> c.startsWith("vangnet-lang"));
        String session = cookies.stream()
                .filter(c -> c.startsWith("VANGNET_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(session).doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires");
        String sessionCookie = session.substring(0, session.indexOf(';'));
        assertThat(http.get("/privacy", Map.of("Cookie", sessionCookie)).body()).contains("<html lang=\"en\"");
        // Without the session (a new visit), the default again.
        assertThat(http.get("/privacy").body()).contains("<html lang=\"nl\"");
    }

    @Test
    void remembersTheLanguageOnlyWhenAskedAndForgetsItAgain() {
        HttpResponse<String> remembered = http.get("/?lang=en&remember=yes");
        String cookie = remembered.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vangnet-lang="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).startsWith("vangnet-lang=en").contains("HttpOnly").contains("Max-Age=31536000");
        assertThat(remembered.body()).contains("This language is remembered on this device", "Stop remembering it");
        assertThat(http.get("/", Map.of("Cookie", "vangnet-lang=en")).body()).contains("<html lang=\"en\"");
        HttpResponse<String> forgotten = http.get("/?remember=no", Map.of("Cookie", "vangnet-lang=en"));
        assertThat(forgotten.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("vangnet-lang=;")
                        && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")));
    }

    @Test
    void quickExitEndsTheSessionRemovesTheCookiesAndLeavesWithoutJavaScript() {
        HttpResponse<String> switched = http.get("/?lang=en");
        String session = switched.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("VANGNET_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> exit = http.get("/exit", Map.of("Cookie", session + "; vangnet-lang=en"));
        assertThat(exit.statusCode()).isEqualTo(303);
        assertThat(exit.headers().firstValue("Location")).hasValue("https://www.weeronline.nl/");
        assertThat(exit.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(exit.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("VANGNET_SESSION=;")
                        && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")))
                .anyMatch(c -> c.startsWith("vangnet-lang=;")
                        && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")));
        // The session is gone on the server: the same cookie no longer carries the language.
        assertThat(http.get("/privacy", Map.of("Cookie", session)).body()).contains("<html lang=\"nl\"");
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
        // Nothing is loaded from another origin (links to help organisations' own sites are fine).
        assertThat(body).doesNotContainPattern("src=\"https?://");
        assertThat(body).doesNotContainPattern("<link[^>]+href=\"https?://");
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

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aFormSentAfterTheSessionEndedGetsACalmPageThatSaysWhereToPickUp() {
        HttpResponse<String> question = http.get("/hulp/now");
        String session = question.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("VANGNET_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(question.body());
        assertThat(token.find()).isTrue();
        String answer = "answer=stopped&action=next&_csrf=" + token.group(1);

        // The session the form belonged to is gone (expired, or the server restarted).
        HttpResponse<String> expired =
                http.post("/hulp/now", FORM, answer, Map.of("Cookie", "VANGNET_SESSION=verlopen-sessie"));
        assertThat(expired.statusCode()).isEqualTo(303);
        assertThat(expired.headers().firstValue("Location")).hasValue("/sessie-verlopen?waar=hulp");
        // No session cookie at all (cookies cleared): the same.
        assertThat(http.post("/opvolgen", FORM, "receipt=1&_csrf=x", Map.of())
                        .headers()
                        .firstValue("Location"))
                .hasValue("/sessie-verlopen?waar=opvolgen");
        assertThat(http.post("/staff/cases/new", FORM, "_csrf=x", Map.of())
                        .headers()
                        .firstValue("Location"))
                .hasValue("/sessie-verlopen?waar=staff");
        // A live session with a wrong token is refused as before: that is not a break, it is a forgery.
        assertThat(http.post("/hulp/now", FORM, "answer=stopped&_csrf=vals", Map.of("Cookie", session))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> page = http.get("/sessie-verlopen?waar=opvolgen");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Je sessie is verlopen",
                        "Je hulpvraag en je berichten zijn veilig bewaard",
                        "href=\"/opvolgen\"");
        assertThat(http.get("/sessie-verlopen?waar=opvolgen", Map.of("Accept-Language", "en"))
                        .body())
                .contains("Your session has ended", "href=\"/follow-up\"");
        assertThat(http.get("/sessie-verlopen?waar=staff").body()).contains("href=\"/staff/login\"");
        // Only fixed areas: anything else is the help start, never echoed.
        assertThat(http.get("/sessie-verlopen?waar=%3Cscript%3E").body())
                .contains("Opnieuw beginnen", "href=\"/\"")
                .doesNotContain("<script>");
    }
}
