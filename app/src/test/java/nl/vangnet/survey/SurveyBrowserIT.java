package nl.vangnet.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.web.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The survey in a real Chromium: a researcher makes a campaign and a class link, respondents fill
 * in the help-seeking questionnaire in Dutch and English, with and without JavaScript, on a
 * 360 px wide phone, skip logic working; the researcher sees the count and exports a CSV that
 * matches the codebook. Every page is checked with axe-core.
 */
@VangnetIntegrationTest
@DirtiesContext
@TestPropertySource(properties = "vangnet.demo=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "survey-screenshots");

    @LocalServerPort
    int port;

    BrowserSupport support;

    @BeforeAll
    void startBrowser() throws Exception {
        support = new BrowserSupport();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        support.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    BrowserContext phone(String locale, boolean javaScript) {
        BrowserContext context = support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(locale)
                        .setJavaScriptEnabled(javaScript)
                        .setViewportSize(360, 740));
        if (!javaScript) {
            withoutScripts.add(context);
        }
        return context;
    }

    /**
     * Accessible, and no wider than a 360 px phone; saves a screenshot of the whole page. axe-core
     * and the width check need JavaScript, so a page from a browser without JavaScript is checked
     * as a copy of its exact HTML, loaded on the same origin in a 360 px page that runs scripts.
     */
    void checkPhonePage(Page page, String name) {
        Page checked = page;
        if (!scriptsRun(page)) {
            if (inspector == null) {
                inspector = phone("nl-NL", true).newPage();
            }
            inspector.navigate(url("/privacy"));
            inspector.setContent(page.content());
            checked = inspector;
        }
        BrowserSupport.assertAccessible(checked);
        Object width = checked.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as(name + " scroll width").isLessThanOrEqualTo(360);
        checked.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    Page inspector;

    final java.util.Set<BrowserContext> withoutScripts = new java.util.HashSet<>();

    boolean scriptsRun(Page page) {
        return !withoutScripts.contains(page.context());
    }

    Page researcher(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(url("/staff/login"));
        page.getByLabel("Gebruikersnaam").fill("demo-onderzoek");
        page.getByLabel("Wachtwoord").fill("demo-demo-onderzoek-wachtwoord");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Onderzoek").setExact(true))
                .first()
                .click();
        assertThat(page).hasURL(url("/staff/research"));
        BrowserSupport.assertAccessible(page);
        return page;
    }

    String createCampaignAndClassLink(Page page, String name, String classLabel) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe campagne"))
                .click();
        BrowserSupport.assertAccessible(page);
        page.getByLabel("Naam van de campagne").fill(name);
        page.getByLabel("Vragenlijst").selectOption("help-seeking/1");
        page.getByLabel("Wie doet het onderzoek (organisatie)").fill("Testinstituut Jeugd");
        page.getByLabel("Contact voor vragen van deelnemers").fill("onderzoek@example.org");
        page.getByLabel("Doel van het onderzoek, in het Nederlands")
                .fill("We willen weten bij wie jongeren hulp zoeken.");
        page.getByLabel("Doel van het onderzoek, in het Engels")
                .fill("We want to know who young people turn to for help.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("De campagne is aangemaakt");
        BrowserSupport.assertAccessible(page);
        page.locator("#l-label").fill(classLabel);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Links maken").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Nieuwe links");
        BrowserSupport.assertAccessible(page);
        String link = page.locator("code.survey-url").first().textContent().strip();
        // Links to hand out start with the configured public address, not the one this browser used.
        assertThat(link).startsWith("http://localhost:8080/vragenlijst/");
        link = url(link.substring("http://localhost:8080".length()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar de campagne"))
                .click();
        return link;
    }

    @Test
    void aClassFillsInHelpSeekingWithoutJavaScriptAndTheResearcherExportsACsvMatchingTheCodebook() throws Exception {
        BrowserContext staff = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page researcher = researcher(staff);
        String link = createCampaignAndClassLink(researcher, "Hulpzoeken 4B", "School A klas 4B");
        assertThat(researcher.locator(".survey-count").first()).hasText("0");

        BrowserContext phone = phone("nl-NL", false);
        Page page = phone.newPage();
        page.navigate(link);
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hulp zoeken bij online seksueel geweld");
        assertThat(page.locator("body")).containsText("020-261 52 75");
        checkPhonePage(page, "nl-1-consent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Begin met de vragenlijst"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Kies hoe oud je bent.");
        checkPhonePage(page, "nl-2-consent-problems");
        page.getByLabel("16 jaar of ouder").check();
        page.getByLabel("Ik heb dit gelezen en ik wil meedoen.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Begin met de vragenlijst"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Stel je voor");
        checkPhonePage(page, "nl-3-intention");
        page.locator("#a-hs_int_friends-6").check();
        page.locator("#a-hs_int_parents-3").check();
        page.locator("#a-hs_int_hotline-5").check();
        next(page, "Volgende");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Wat jij hebt meegemaakt");
        checkPhonePage(page, "nl-4-experience");
        page.getByLabel("Ja, in de afgelopen 12 maanden").check();
        next(page, "Volgende");

        // Skip logic: someone it happened to is asked who they went to, and support is offered.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hulp die je zocht");
        assertThat(page.locator(".survey-support")).containsText("0800-0188");
        checkPhonePage(page, "nl-5-sought");
        page.getByLabel("Vrienden of vriendinnen").check();
        page.getByLabel("Bij niemand").check();
        next(page, "Volgende");
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(page.locator(".survey-problem")).containsText("Je koos 'niemand' en ook andere antwoorden");
        checkPhonePage(page, "nl-6-sought-problem");
        page.getByLabel("Bij niemand").uncheck();
        next(page, "Volgende");

        // Display logic: helpfulness is asked because someone was asked for help.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Terugkijken");
        assertThat(page.getByText("Hoeveel had je aan de hulp die je kreeg?")).isVisible();
        checkPhonePage(page, "nl-7-reflect");
        page.getByLabel("Veel", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Wat had het makkelijker gemaakt om hulp te zoeken?").fill("Als school er meer over vertelt");
        next(page, "Volgende");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Over jou");
        checkPhonePage(page, "nl-8-about");
        page.getByLabel("Hoe oud ben je?").fill("17");
        page.getByLabel("Meisje of vrouw").check();
        next(page, "Volgende");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Klaar om te versturen");
        checkPhonePage(page, "nl-9-send");
        next(page, "Versturen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bedankt voor het meedoen!");
        assertThat(page.locator(".survey-support")).containsText("112");
        checkPhonePage(page, "nl-10-done");
        phone.close();

        // The researcher's page refreshes the count by itself (JavaScript on in the staff browser).
        assertThat(researcher.locator(".survey-count").first())
                .hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        researcher.reload();
        assertThat(researcher.locator(".survey-count").first()).hasText("1");
        BrowserSupport.assertAccessible(researcher);

        String codebook = download(researcher, "Codeboek als CSV");
        String csv = download(researcher, "Antwoorden als CSV (één regel per respons, gecodeerd)");
        assertCsvMatchesCodebook(csv, codebook);
        Map<String, String> row =
                SurveyIT.row(csv.lines().toList().get(0), csv.lines().toList().get(1));
        assertThat(row)
                .containsEntry("hs_exp", "1")
                .containsEntry("hs_act_1", "1")
                .containsEntry("hs_act_9", "0")
                .containsEntry("hs_helpful", "4")
                .containsEntry("hs_int_friends", "6")
                .containsEntry("hs_int_school", "-9")
                .containsEntry("hs_age", "17")
                .containsEntry("hs_easier", "Als school er meer over vertelt")
                .containsEntry("language", "1")
                // A class with one response is a small group: its label is suppressed in the export.
                .containsEntry("link_label", "-7");
        String spss = download(researcher, "SPSS-syntax (labels voor variabelen en waarden)");
        assertThat(spss).contains("VALUE LABELS", "hs_int_friends");

        researcher
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Codeboek lezen"))
                .click();
        assertThat(researcher.locator("table")).containsText("hs_act_9");
        BrowserSupport.assertAccessible(researcher);
        researcher.navigate(url("/staff/research/instruments/check"));
        researcher
                .getByLabel("Inhoud van het bestand (JSON)")
                .fill(
                        "{\"id\":\"kapot\",\"version\":\"1\",\"status\":\"draft\",\"title\":{\"nl\":\"K\",\"en\":\"B\"},"
                                + "\"pages\":[{\"id\":\"p\",\"items\":[\"a\"],\"showIf\":{\"item\":\"a\",\"answered\":true}}],"
                                + "\"items\":[{\"id\":\"a\",\"type\":\"text\",\"text\":{\"nl\":\"A\",\"en\":\"A\"},\"maxLength\":5}]}");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT)).containsText("De routing draait in een kring: a → a");
        BrowserSupport.assertAccessible(researcher);
        staff.close();
    }

    @Test
    void inEnglishWithJavaScriptNoExperienceSkipsTheHelpPagesAndStoppingDeletesEverything() {
        BrowserContext staff = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page researcher = researcher(staff);
        String link = createCampaignAndClassLink(researcher, "Help-seeking 5C", "School B class 5C");
        staff.close();

        BrowserContext phone = phone("en-GB", true);
        Page page = phone.newPage();
        page.navigate(link + "?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Seeking help for online sexual violence");
        checkPhonePage(page, "en-1-consent");
        page.getByLabel("16 or older").check();
        page.getByLabel("I have read this and I want to take part.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the questionnaire"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Imagine this");
        checkPhonePage(page, "en-2-intention");
        page.locator("#a-hs_int_police-2").check();
        next(page, "Next");
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        next(page, "Next");
        // Skip logic: nothing happened, so straight to the questions about you.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("About you");
        page.getByLabel("How old are you?").fill("seventeen");
        next(page, "Next");
        assertThat(page.locator("#problem-hs_age")).hasText("Fill in a whole number from 10 to 99.");
        checkPhonePage(page, "en-3-about-problem");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("What you have experienced");
        assertThat(page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        // Switching language keeps the answers.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands"))
                .click();
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.getByLabel("Nee", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        checkPhonePage(page, "nl-11-language-switched");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stoppen en mijn antwoorden wissen"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Je bent gestopt");
        checkPhonePage(page, "nl-12-stopped");
        phone.close();
    }

    @Test
    void messagePagesTheInterviewOptInAndTheRemainingResearchPagesAreAccessible() {
        BrowserContext staff = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page researcher = researcher(staff);
        researcher
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe campagne"))
                .click();
        researcher.getByLabel("Naam van de campagne").fill("x");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT))
                .containsText("Geef de campagne een naam van 2 tot 120 tekens.");
        BrowserSupport.assertAccessible(researcher);
        researcher.getByLabel("Naam van de campagne").fill("Interviews 6A");
        researcher
                .getByLabel("Deelnemers mogen aan het eind contactgegevens achterlaten voor een interview")
                .check();
        researcher.getByLabel("Wie doet het onderzoek (organisatie)").fill("Testinstituut Jeugd");
        researcher.getByLabel("Contact voor vragen van deelnemers").fill("onderzoek@example.org");
        researcher
                .getByLabel("Doel van het onderzoek, in het Nederlands")
                .fill("We willen weten bij wie jongeren hulp zoeken.");
        researcher
                .getByLabel("Doel van het onderzoek, in het Engels")
                .fill("We want to know who young people turn to for help.");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        assertThat(researcher.getByRole(AriaRole.STATUS)).containsText("De campagne is aangemaakt");
        String campaignUrl = researcher.url().replace("?created", "");
        researcher.locator("#l-label").fill("School C klas 6A");
        researcher.locator("#l-count").fill("500");
        researcher
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Links maken").setExact(true))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT)).containsText("1 tot en met 200");
        BrowserSupport.assertAccessible(researcher);
        researcher.locator("#l-count").fill("2");
        researcher
                .getByLabel("Elke link mag maar één keer gebruikt worden (één respons per link)")
                .check();
        researcher
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Links maken").setExact(true))
                .click();
        String link = url(researcher
                .locator("code.survey-url")
                .first()
                .textContent()
                .strip()
                .substring("http://localhost:8080".length()));

        BrowserContext phone = phone("nl-NL", true);
        Page page = phone.newPage();
        page.navigate(link.substring(0, link.length() - 3) + "xyz");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Deze vragenlijst is niet beschikbaar");
        checkPhonePage(page, "nl-13-unknown-link");
        page.navigate(link);
        page.getByLabel("Jonger dan 16").check();
        page.getByLabel("Ik heb dit gelezen en ik wil meedoen.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Begin met de vragenlijst"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bedankt voor je interesse");
        checkPhonePage(page, "nl-14-under-16");
        page.navigate(link);
        page.getByLabel("16 jaar of ouder").check();
        page.getByLabel("Ik heb dit gelezen en ik wil meedoen.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Begin met de vragenlijst"))
                .click();
        // This campaign uses the barriers-and-needs instrument (the form's first choice).
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Wat hulp zoeken moeilijk maakt: over jezelf");
        checkPhonePage(page, "nl-15a-barriers");
        page.getByLabel("Helemaal eens").first().check();
        for (String heading : List.of(
                "Wat hulp zoeken moeilijk maakt: praktische dingen",
                "Wat hulp zoeken moeilijk maakt: andere mensen",
                "Wat hulp zoeken moeilijk maakt: wat mensen om je heen vinden",
                "Wat je nodig hebt",
                "Tot slot",
                "Klaar om te versturen")) {
            next(page, "Volgende");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(heading);
            if (heading.equals("Wat je nodig hebt") || heading.equals("Tot slot")) {
                checkPhonePage(page, "nl-15b-" + (heading.equals("Tot slot") ? "top" : "needs"));
            }
        }
        next(page, "Versturen");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setLevel(2).setName("Wil je meedoen aan een interview?")))
                .isVisible();
        checkPhonePage(page, "nl-15-done-interview");
        page.getByLabel("Hoe mogen we je noemen?").fill("Robin");
        page.getByLabel("Via telefoon").check();
        page.getByLabel("Je e-mailadres of telefoonnummer").fill("bel me");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gegevens versturen"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit telefoonnummer klopt niet.");
        checkPhonePage(page, "nl-16-interview-problem");
        page.getByLabel("Je e-mailadres of telefoonnummer").fill("06 1234 5678");
        page.getByLabel("Ik wil uitgenodigd worden voor een interview.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gegevens versturen"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bedankt!");
        checkPhonePage(page, "nl-17-interview-thanks");
        // The single-use link is used now.
        page.navigate(link);
        assertThat(page.locator("main")).containsText("Deze link is al gebruikt");
        checkPhonePage(page, "nl-18-link-used");
        phone.close();

        researcher.navigate(campaignUrl + "/contacts");
        assertThat(researcher.locator("table")).containsText("06 1234 5678");
        assertThat(researcher.locator("main")).not().containsText("hs_");
        BrowserSupport.assertAccessible(researcher);
        researcher.navigate(campaignUrl);
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne sluiten"))
                .click();
        assertThat(researcher.getByRole(AriaRole.STATUS)).containsText("1 interviewcontact(en) gewist");
        BrowserSupport.assertAccessible(researcher);
        staff.close();
    }

    @Test
    void theRetentionDateAndDeletingAClosedCampaignWorkInDutchAndEnglish() {
        BrowserContext staff = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page researcher = researcher(staff);
        LocalDate closes = LocalDate.now(ZoneOffset.UTC).plusDays(28);

        researcher
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe campagne"))
                .click();
        assertThat(researcher.locator("#c-kept-hint")).containsText("5 jaar na de einddatum");
        fillCampaign(researcher, "Bewaren 2C", closes, closes.minusDays(1), new String[] {
            "Naam van de campagne",
            "Wie doet het onderzoek (organisatie)",
            "Contact voor vragen van deelnemers",
            "Doel van het onderzoek, in het Nederlands",
            "Doel van het onderzoek, in het Engels",
            "Antwoorden bewaard tot en met"
        });
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT))
                .containsText("De antwoorden moeten minstens tot de einddatum van de campagne bewaard worden.");
        BrowserSupport.assertAccessible(researcher);
        researcher
                .getByLabel("Antwoorden bewaard tot en met")
                .fill(closes.plusYears(2).toString());
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        assertThat(researcher.getByRole(AriaRole.STATUS)).containsText("De campagne is aangemaakt");
        assertThat(researcher.locator("#answers-kept-until"))
                .containsText(closes.plusYears(2).toString());
        assertThat(researcher.locator("#export-suppression")).containsText("0 school/klas, 0 van de 0 antwoorden");
        BrowserSupport.assertAccessible(researcher);
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne sluiten"))
                .click();
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne verwijderen"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT))
                .containsText("Vink aan dat je begrijpt dat alles voorgoed verwijderd wordt. Er is niets verwijderd.");
        BrowserSupport.assertAccessible(researcher);
        researcher
                .getByLabel("Ik begrijp dat deze campagne en haar 0 antwoord(en) voorgoed verwijderd worden.")
                .check();
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne verwijderen"))
                .click();
        assertThat(researcher).hasURL(url("/staff/research"));
        assertThat(researcher.getByRole(AriaRole.STATUS))
                .containsText("De campagne Bewaren 2C is verwijderd, met 0 antwoord(en).");
        assertThat(researcher.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bewaren 2C")))
                .hasCount(0);
        BrowserSupport.assertAccessible(researcher);

        researcher.navigate(url("/staff/research/campaigns/new?lang=en"));
        assertThat(researcher.locator("#c-kept-hint")).containsText("5 years after the end date");
        fillCampaign(researcher, "Retention 3D", closes, closes.plusYears(11), new String[] {
            "Campaign name",
            "Who runs the study (organisation)",
            "Contact for respondents' questions",
            "Purpose of the study, in Dutch",
            "Purpose of the study, in English",
            "Answers kept until (inclusive)"
        });
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT))
                .containsText("Answers may be kept for at most 10 years after the end date.");
        BrowserSupport.assertAccessible(researcher);
        researcher.getByLabel("Answers kept until (inclusive)").fill("");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign"))
                .click();
        assertThat(researcher.getByRole(AriaRole.STATUS)).containsText("The campaign was created.");
        // Left empty: the default period after the end date.
        assertThat(researcher.locator("#answers-kept-until"))
                .containsText(closes.plusYears(5).toString());
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close campaign"))
                .click();
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete campaign"))
                .click();
        assertThat(researcher.getByRole(AriaRole.ALERT))
                .containsText("Tick the box to confirm that everything will be deleted for good. Nothing was deleted.");
        BrowserSupport.assertAccessible(researcher);
        researcher
                .getByLabel("I understand that this campaign and its 0 answer(s) will be deleted for good.")
                .check();
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete campaign"))
                .click();
        assertThat(researcher.getByRole(AriaRole.STATUS))
                .containsText("The campaign Retention 3D was deleted, with 0 answer(s).");
        BrowserSupport.assertAccessible(researcher);
        staff.close();
    }

    /** Fills the new-campaign form; {@code labels}: name, organiser, contact, purpose NL, purpose EN, retention. */
    static void fillCampaign(Page page, String name, LocalDate closes, LocalDate keptUntil, String[] labels) {
        page.getByLabel(labels[0]).fill(name);
        page.getByLabel(labels[1]).fill("Testinstituut Jeugd");
        page.getByLabel(labels[2]).fill("onderzoek@example.org");
        page.getByLabel(labels[3]).fill("We willen weten bij wie jongeren hulp zoeken.");
        page.getByLabel(labels[4]).fill("We want to know who young people turn to for help.");
        page.locator("#c-closes").fill(closes.toString());
        page.getByLabel(labels[5]).fill(keptUntil.toString());
    }

    static void next(Page page, String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    static String download(Page page, String linkName) throws Exception {
        Download download = page.waitForDownload(() -> page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(linkName).setExact(true))
                .click());
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }

    /** Every column is a codebook variable, in order, and every cell a value the codebook allows. */
    static void assertCsvMatchesCodebook(String csv, String codebook) {
        List<String> codebookLines = codebook.lines().toList();
        List<String> variables = new java.util.ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, Set<String>> values = new HashMap<>();
        Map<String, String> ranges = new HashMap<>();
        for (String line : codebookLines.subList(1, codebookLines.size())) {
            List<String> cells = SurveyIT.parseCsvLine(line);
            if ("variable".equals(cells.get(1))) {
                variables.add(cells.get(0));
                types.put(cells.get(0), cells.get(5));
                if (!cells.get(2).isEmpty()) {
                    ranges.put(cells.get(0), cells.get(2));
                }
            } else {
                values.computeIfAbsent(cells.get(0), k -> new HashSet<>()).add(cells.get(2));
            }
        }
        List<String> lines = csv.lines().toList();
        assertThat(SurveyIT.parseCsvLine(lines.get(0))).isEqualTo(variables);
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = SurveyIT.parseCsvLine(line);
            assertThat(cells).hasSameSizeAs(variables);
            for (int i = 0; i < cells.size(); i++) {
                String variable = variables.get(i);
                String cell = cells.get(i);
                switch (types.get(variable)) {
                    case "numeric" -> {
                        assertThat(cell).as(variable).matches("-?\\d+");
                        String range = ranges.get(variable);
                        boolean inRange = range != null
                                && Integer.parseInt(cell) >= Integer.parseInt(range.split("\\.\\.")[0])
                                && Integer.parseInt(cell) <= Integer.parseInt(range.split("\\.\\.")[1]);
                        if (values.containsKey(variable) && !inRange) {
                            assertThat(values.get(variable)).as(variable).contains(cell);
                        }
                    }
                    case "date" -> assertThat(cell).as(variable).matches("\\d{4}-\\d{2}-\\d{2}");
                    default -> assertThat(cell).as(variable).isNotNull();
                }
            }
        }
    }
}
