package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import nl.vangnet.EdgeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The error pages as a person sees them in Chromium, in Dutch and English, checked with axe: the
 * page Tomcat-level refusals now get (an encoded slash in the address), the one for requests the
 * firewall refuses, and the ordinary "not found"; each with a working quick exit.
 */
@EdgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPageBrowserIT {

    private static final String NEUTRAL_SITE = "https://www.weeronline.nl/";

    @LocalServerPort
    int port;

    BrowserSupport support;

    @BeforeAll
    void startBrowser() {
        support = new BrowserSupport();
    }

    @AfterAll
    void stopBrowser() {
        support.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private BrowserContext context(String locale) {
        BrowserContext context = support.browser().newContext(new Browser.NewContextOptions().setLocale(locale));
        context.route(
                NEUTRAL_SITE + "**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/html")
                        .setBody("<html lang=nl><title>Weer</title><body>Weerbericht</body></html>")));
        return context;
    }

    private static void assertCalmPage(Page page, Response response, int status, String heading, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(response.headers().get("cache-control")).contains("no-store");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(heading);
        assertThat(page.locator(".error-code")).hasText(code);
        assertThat(page.locator("[data-quick-exit]")).isVisible();
        BrowserSupport.assertAccessible(page);
    }

    @Test
    void theErrorPagesAreCalmAndAccessibleInDutch() {
        try (BrowserContext context = context("nl-NL")) {
            Page page = context.newPage();
            assertCalmPage(page, page.navigate(url("/opvolgen%2Fverzoek")), 400, "Er ging iets mis", "Foutcode 400");
            assertThat(page.locator("html")).hasAttribute("lang", "nl");
            assertCalmPage(page, page.navigate(url("/hulp/..;/staff")), 400, "Er ging iets mis", "Foutcode 400");
            assertCalmPage(page, page.navigate(url("/bestaat-niet")), 404, "Er ging iets mis", "Foutcode 404");
            assertCalmPage(page, page.navigate(url("/error")), 404, "Er ging iets mis", "Foutcode 404");

            // The quick exit works on the container's page too (its script is allowed by the CSP).
            page.navigate(url("/opvolgen%2Fverzoek"));
            page.keyboard().press("Escape");
            page.waitForURL(NEUTRAL_SITE);
            assertThat(page).hasTitle("Weer");
        }
    }

    @Test
    void theErrorPagesAreCalmAndAccessibleInEnglish() {
        try (BrowserContext context = context("en-GB")) {
            Page page = context.newPage();
            assertCalmPage(
                    page, page.navigate(url("/opvolgen%2Fverzoek")), 400, "Something went wrong", "Error code 400");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertCalmPage(page, page.navigate(url("/hulp/..;/staff")), 400, "Something went wrong", "Error code 400");
            assertCalmPage(page, page.navigate(url("/does-not-exist")), 404, "Something went wrong", "Error code 404");

            // From the container's page one gets back to the English start page.
            page.navigate(url("/opvolgen%2Fverzoek"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page"))
                    .click();
            assertThat(page).hasURL(url("/help"));
        }
    }
}
