package nl.vangnet.takedown;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.web.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The staff takedown workspace in a real Chromium, in Dutch and English, every page checked with
 * axe-core; the core flow also without JavaScript; and the roles that may not enter.
 */
@VangnetIntegrationTest
@Import(TakedownTestConfiguration.class)
@TestPropertySource(properties = {"vangnet.takedown.jobs.enabled=false", "vangnet.takedown.fetch.allow-loopback=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakedownBrowserIT {

    private static final String PASSWORD = "een lange zin om in te loggen";

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    BrowserSupport support;
    LocalHttp host;
    String hotline;
    String police;
    String administrator;
    CaseSummary caseFile;
    CaseSummary secondCase;

    @Autowired
    CaseManagement cases;

    @BeforeAll
    void start() {
        support = new BrowserSupport();
        host = new LocalHttp().handle("/img/", e -> LocalHttp.send(e, 200, "image/png", TestImages.png(7)));
        TakedownStaff staffMember = TakedownStaff.hotline(staff, "Hulplijn Browser");
        hotline = staffMember.username();
        police = account(staffMember.organisation(), "politie", Role.POLICE);
        administrator = account(staffMember.organisation(), "beheer", Role.ADMIN);
        caseFile = staffMember.phoneCase(cases);
        secondCase = staffMember.phoneCase(cases);
    }

    private String account(Organisation organisation, String prefix, Role role) {
        String username = prefix + (System.nanoTime() % 100000);
        StaffManagement.NewAccount created =
                staff.createAccount("admin", username, "Mia " + prefix, organisation.id(), Set.of(role));
        staff.changeOwnPassword(username, created.oneTimePassword(), PASSWORD, PASSWORD);
        return username;
    }

    @AfterAll
    void stop() {
        support.close();
        host.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String hostUrl(String name, String path) {
        return "http://" + name + ":" + host.port() + path;
    }

    private Page login(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/staff/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(url("/staff"));
        return page;
    }

    @Test
    void hotlineStaffWorkThroughRequestsNoticesAndFiguresInDutchAndEnglish() throws Exception {
        BrowserContext context = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page page = login(context, hotline);

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Verwijderverzoeken")
                                .setExact(true))
                .first()
                .click();
        assertThat(page).hasURL(url("/staff/takedown"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Verwijderverzoeken");
        BrowserSupport.assertAccessible(page);

        // Takedown starts from the case: its page has a panel for removal requests.
        page.navigate(url("/staff/cases/" + caseFile.id().value()));
        Locator panel = page.locator(".takedown-panel");
        assertThat(panel.getByRole(AriaRole.HEADING)).hasText("Verwijderverzoeken");
        assertThat(panel).containsText("Nog geen verwijderverzoeken voor dit dossier.");
        panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Links toevoegen"))
                .click();
        assertThat(page.getByLabel("Dossierkenmerk")).hasValue(caseFile.reference());
        BrowserSupport.assertAccessible(page);
        page.getByLabel("Wat staat er online").selectOption("IBA-FAB");
        page.getByLabel("Adressen (URL's)")
                .fill(String.join(
                        "\n",
                        hostUrl("bücher.test", "/img/1.png"),
                        hostUrl("beelden.test", "/img/2.png"),
                        "ftp://beelden.test/3.png",
                        "https://gebruiker:geheim@beelden.test/4.png",
                        hostUrl("BEELDEN.test", "/img/2.png")));
        Path list = Files.createTempFile("urls", ".txt");
        Files.writeString(list, hostUrl("beelden.test", "/img/5.png") + "\n");
        page.locator("#file").setInputFiles(list);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verzoeken aanmaken"))
                .click();
        Files.delete(list);

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("3 aangemaakt, 1 dubbel, 2 niet bruikbaar.");
        assertThat(page.locator("body")).containsText("bücher.test");
        assertThat(page.locator("body")).containsText("xn--bcher-kva.test");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit is geen webadres");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("gebruikersnaam of wachtwoord");
        assertThat(page.locator("#retry-urls"))
                .hasValue("ftp://beelden.test/3.png\nhttps://gebruiker:geheim@beelden.test/4.png");
        BrowserSupport.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar het dossier en de meldingen"))
                .click();
        assertThat(page.locator("article.takedown-group")).hasCount(2);
        assertThat(page.locator("body")).containsText("Geen RDAP-server bekend");
        BrowserSupport.assertAccessible(page);
        String casePage = page.url();

        // The IDN host has no contact yet: staff enter an e-mail address by hand; no mail server is
        // configured in this test, so the notice waits in the queue and says why.
        Locator buecher = page.locator("article.takedown-group", new Page.LocatorOptions().setHasText("bücher.test"));
        buecher.locator("summary", new Locator.LocatorOptions().setHasText("Ander contact"))
                .click();
        buecher.locator("input[name=address]").fill("abuse@buecher.test");
        buecher.locator("input[name=country]").fill("DE");
        buecher.locator("select[name=language]").selectOption("en");
        buecher.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Contact opslaan"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Contact aangepast");
        page.locator("article.takedown-group", new Page.LocatorOptions().setHasText("bücher.test"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Versturen per e-mail"))
                .click();
        assertThat(page.locator("body")).containsText("Nog niet verstuurd");
        assertThat(page.locator("body")).containsText("Er is geen mailserver ingesteld");
        assertThat(page.locator("pre.takedown-pre")).containsText("xn--bcher-kva.test");
        assertThat(page.locator("pre.takedown-pre")).containsText("Article 16");
        BrowserSupport.assertAccessible(page);

        // The other host: text for its web form, then confirm the submission.
        page.navigate(casePage);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tekst maken voor het webformulier"))
                .click();
        assertThat(page.locator("pre.takedown-pre")).containsText("/img/2.png");
        assertThat(page.locator("pre.takedown-pre")).containsText("/img/5.png");
        APIResponse download = page.request()
                .get(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tekst downloaden"))
                        .getAttribute("href")
                        .transform(href -> url(href)));
        assertThat(download.headers().get("content-disposition")).contains("attachment");
        assertThat(download.text()).contains("/img/5.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ik heb de melding ingediend"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("de melding is ingediend");
        BrowserSupport.assertAccessible(page);

        page.locator("a", new Page.LocatorOptions().setHasText("beelden.test"))
                .first()
                .click();
        assertThat(page.locator("h1")).containsText("beelden.test");
        page.getByLabel("Notitie toevoegen").fill("Host belde terug, kijkt ernaar.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notitie opslaan"))
                .click();
        assertThat(page.locator("body")).containsText("Host belde terug");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nu controleren"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Gecontroleerd");
        assertThat(page.locator("body")).containsText("nog online");
        BrowserSupport.assertAccessible(page);

        page.navigate(casePage + "/victim-view");
        assertThat(page.locator(".takedown-progress")).containsText("We hebben de website gevraagd");
        assertThat(page.locator(".takedown-progress")).not().containsText("Host belde terug");
        BrowserSupport.assertAccessible(page);

        page.navigate(url("/staff/takedown/platforms/new"));
        page.getByLabel("Naam").fill("Voorbeeldplatform");
        page.getByLabel("Domeinen").fill("voorbeeld.test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Platform opslaan"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Vul minstens één kanaal in");
        BrowserSupport.assertAccessible(page);
        page.getByLabel("Webformulier (https)").fill("https://voorbeeld.test/melden");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Platform opslaan"))
                .click();
        assertThat(page).hasURL(url("/staff/takedown/platforms"));
        assertThat(page.locator("table").first()).containsText("Voorbeeldplatform");
        BrowserSupport.assertAccessible(page);

        page.navigate(url("/staff/takedown/templates"));
        page.locator("#body-NOTICE-nl").fill("Alleen {{urls}}");
        page.locator("#template-NOTICE-nl")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sjabloon opslaan"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("verklaring te goeder trouw");
        BrowserSupport.assertAccessible(page);

        page.navigate(url("/staff/takedown/figures"));
        assertThat(page.locator("body")).containsText("Te weinig verzoeken");
        BrowserSupport.assertAccessible(page);

        // English: the same pages, the language remembered once switched.
        page.navigate(url("/staff/takedown?lang=en"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Takedown requests");
        assertThat(page.locator("body")).containsText("waiting for the mail server");
        BrowserSupport.assertAccessible(page);
        page.navigate(casePage);
        assertThat(page.locator("h1")).hasText("Case: takedown requests");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/takedown/new"));
        assertThat(page.locator("h1")).hasText("New takedown requests");
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/takedown/templates"));
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/takedown/platforms"));
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/takedown/figures"));
        assertThat(page.locator("h1")).hasText("Time to removal");
        BrowserSupport.assertAccessible(page);
        page.navigate(casePage + "/victim-view");
        assertThat(page.locator(".takedown-progress")).containsText("We have asked the website to remove this");
        BrowserSupport.assertAccessible(page);
        context.close();
    }

    @Test
    void theCoreFlowWorksWithoutJavaScript() {
        BrowserContext context = support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setLocale("nl-NL"));
        Page page = login(context, hotline);
        page.navigate(url("/staff/takedown/new"));
        page.getByLabel("Dossierkenmerk").fill("VN-1999-999999");
        page.getByLabel("Wat staat er online").selectOption("SXT-FIN");
        page.getByLabel("Op het beeld staat iemand jonger dan 18").check();
        page.getByLabel("Adressen (URL's)").fill(hostUrl("zonderjs.test", "/img/9.png"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verzoeken aanmaken"))
                .click();
        // A reference that is not one of the organisation's cases: said plainly, nothing typed is lost.
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Er is geen dossier met dit kenmerk");
        assertThat(page.getByLabel("Adressen (URL's)")).hasValue(hostUrl("zonderjs.test", "/img/9.png"));
        assertThat(page.getByLabel("Op het beeld staat iemand jonger dan 18")).isChecked();
        page.getByLabel("Dossierkenmerk").fill(secondCase.reference());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verzoeken aanmaken"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 aangemaakt, 0 dubbel, 0 niet bruikbaar.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar het dossier en de meldingen"))
                .click();
        page.getByLabel("Zonder naam en e-mailadres van de melder").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tekst maken voor het webformulier"))
                .click();
        // No RDAP server knows this host, so the notice is in English, the default for unknown hosts.
        assertThat(page.locator("pre.takedown-pre")).containsText("child sexual abuse material");
        assertThat(page.locator("pre.takedown-pre")).not().containsText("Name:");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ik heb de melding ingediend"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("de melding is ingediend");
        page.locator("a", new Page.LocatorOptions().setHasText("zonderjs.test"))
                .first()
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Host bevestigde ontvangst"))
                .click();
        assertThat(page.locator("dl.takedown-facts .takedown-status")).hasText("Ontvangst bevestigd");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Is verwijderd"))
                .click();
        assertThat(page.locator("dl.takedown-facts .takedown-status")).hasText("Verwijderd");
        context.close();
    }

    @Test
    void administratorsKeepTheDirectoryButSeeNoRequests() {
        BrowserContext context = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page page = login(context, administrator);
        page.navigate(url("/staff/takedown"));
        assertThat(page.locator(".note").first()).containsText("je ziet alleen die van je eigen organisatie");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe verwijderverzoeken")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe verzoeken")))
                .hasCount(0);
        assertThat(page.locator("body")).not().containsText(caseFile.reference());
        BrowserSupport.assertAccessible(page);
        page.navigate(url("/staff/takedown/platforms"));
        assertThat(page.locator("h1")).isVisible();
        context.close();
    }

    @Test
    void rolesWithoutTakedownAccessAreTurnedAway() {
        BrowserContext context = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page page = login(context, police);
        assertThat(page.locator(".staff-nav")).not().containsText("Verwijderverzoeken");
        Response response = page.navigate(url("/staff/takedown"));
        assertThat(response.status()).isEqualTo(403);
        APIResponse api = page.request().get(url("/api/v1/takedown/stats"));
        assertThat(api.status()).isEqualTo(401);
        context.close();
    }
}
