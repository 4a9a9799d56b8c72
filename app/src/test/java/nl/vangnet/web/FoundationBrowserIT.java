package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.shared.VangnetProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The foundation's user-facing flows in a real Chromium, each page checked with axe-core. */
@VangnetIntegrationTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserIT {

    private static final String NEUTRAL_SITE = "https://www.weeronline.nl/";

    @LocalServerPort
    int port;

    @Autowired
    VangnetProperties properties;

    BrowserSupport support;
    BrowserContext context;
    Page page;
    final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startBrowser() {
        support = new BrowserSupport();
    }

    @AfterAll
    void stopBrowser() {
        support.close();
    }

    @BeforeEach
    void openPage() {
        context = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        // The neutral site is answered locally: tests never leave this machine.
        context.route(
                "https://www.weeronline.nl/**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/html")
                        .setBody("<html lang=nl><title>Weer</title><body>Weerbericht</body></html>")));
        page = context.newPage();
        page.onRequest(request -> requested.add(request.url()));
    }

    @AfterEach
    void closePage() {
        context.close();
        requested.clear();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void landingPageInDutchAndEnglishIsAccessibleAndLoadsNothingFromElsewhere() {
        page.navigate(url("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Je staat er niet alleen voor");
        BrowserSupport.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Switch to English"))
                .click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("You are not alone");
        BrowserSupport.assertAccessible(page);

        // The choice is remembered on the next page.
        page.navigate(url("/privacy"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        BrowserSupport.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All places to get help"))
                .first()
                .click();
        assertThat(page).hasURL(url("/help-addresses"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("All places to get help");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/sessie-verlopen?waar=opvolgen"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your session has ended");
        BrowserSupport.assertAccessible(page);

        assertThat(requested).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(url("/")));
    }

    @Test
    void escapeLeavesForTheNeutralSiteAndReplacesTheHistoryEntry() {
        page.navigate(url("/"));
        page.keyboard().press("Escape");
        page.waitForURL(NEUTRAL_SITE);
        assertThat(page).hasTitle("Weer");
        page.goBack();
        assertThat(page.url()).isNotEqualTo(url("/"));
    }

    @Test
    void quickExitButtonWorksWithAndWithoutJavaScript() {
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Snel weg"))
                .click();
        page.waitForURL(NEUTRAL_SITE);

        BrowserContext noScript = support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setLocale("nl-NL"));
        noScript.route(
                "https://www.weeronline.nl/**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/html")
                        .setBody("<html lang=nl><title>Weer</title></html>")));
        Page plain = noScript.newPage();
        plain.navigate(url("/"));
        plain.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Snel weg"))
                .click();
        plain.waitForURL(NEUTRAL_SITE);
        noScript.close();
    }

    @Test
    void staffLogInWithAWrongThenTheRightPasswordChooseAPasswordAndBrowseTheTaxonomy() throws Exception {
        String initial = Files.readString(properties.dataDir().resolve("initial-admin-password"))
                .strip();

        page.navigate(url("/staff"));
        assertThat(page).hasURL(url("/staff/login"));
        BrowserSupport.assertAccessible(page);

        page.getByLabel("Gebruikersnaam").fill("admin");
        page.getByLabel("Wachtwoord").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Gebruikersnaam of wachtwoord klopt niet");
        BrowserSupport.assertAccessible(page);

        page.getByLabel("Gebruikersnaam").fill("admin");
        page.getByLabel("Wachtwoord").fill(initial);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();

        // A one-time password must be replaced before anything else.
        assertThat(page).hasURL(url("/staff/account/password"));
        BrowserSupport.assertAccessible(page);
        page.getByLabel("Huidig wachtwoord").fill(initial);
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true))
                .fill("kort");
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill("kort");
        page.locator("#chosen").evaluate("e => e.removeAttribute('minlength')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("te kort");
        BrowserSupport.assertAccessible(page);

        page.getByLabel("Huidig wachtwoord").fill(initial);
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true))
                .fill("een veilige lange zin");
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill("een veilige lange zin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan"))
                .click();
        assertThat(page).hasURL(url("/staff?passwordChanged"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Welkom");
        BrowserSupport.assertAccessible(page);

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Classificatie").setExact(true))
                .first()
                .click();
        assertThat(page).hasURL(url("/staff/taxonomy"));
        assertThat(page.locator("article.code-card")).hasCount(16);
        assertThat(page.locator("#code-SXT-FIN")).containsText("Financiële afpersing met beeld");
        BrowserSupport.assertAccessible(page);

        page.navigate(url("/staff/taxonomy?lang=en"));
        assertThat(page.locator("#code-SXT-FIN")).containsText("Financial sextortion");
        BrowserSupport.assertAccessible(page);

        page.navigate(url("/staff/admin/accounts"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Accounts");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/admin/organisations"));
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/admin/api-clients"));
        // The language switched to English on the taxonomy page above and is remembered.
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Testplatform");
        page.getByLabel("check hashes").check();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create").setExact(true))
                .click();
        assertThat(page.locator("code.secret")).containsText("vgk_");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/admin/audit"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The chain is intact");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/admin/keys"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate the master key"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The master key was rotated");
        BrowserSupport.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        assertThat(page).hasURL(url("/staff/login?logout"));
        page.navigate(url("/staff"));
        assertThat(page).hasURL(url("/staff/login"));
    }
}
