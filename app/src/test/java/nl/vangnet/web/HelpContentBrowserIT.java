package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.directory.OpeningHours;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12's content in a real Chromium, in Dutch and English, on a 360 px phone and a desktop:
 * safety steps on the urgent shortcut, the right organisation first, grooming recognised with the
 * police route, the hash bank pre-selected from the age, and the details (links, dates in the
 * page's language, web addresses without https://, a counter that does not jump, no slugs, survey
 * legends whole at 360 px). Every page is checked with axe-core, and phone pages for their width;
 * screenshots of the key pages go to target/shots-help-content.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = {"vangnet.demo=true", "vangnet.intake.receipt-hash.memory-kib=8192"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpContentBrowserIT {

    static final Path SHOTS = Path.of(System.getProperty("vangnet.shots", "target/shots-help-content"));

    /** Monday 23 November 2026, 14:00 in the Netherlands: De Kindertelefoon is open. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(LocalDateTime.parse("2026-11-23T14:00")
                    .atZone(OpeningHours.ZONE)
                    .toInstant());
        }
    }

    @LocalServerPort
    int port;

    BrowserSupport support;

    @BeforeAll
    void start() throws Exception {
        support = new BrowserSupport();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        support.close();
    }

    /** A language and a screen. */
    record Setting(String lang, int width, int height) {
        boolean english() {
            return lang.equals("en");
        }

        boolean phone() {
            return width <= 400;
        }

        String name() {
            return lang + "-" + (phone() ? "360" : "desktop");
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static Stream<Setting> settings() {
        return Stream.of(
                new Setting("nl", 360, 740),
                new Setting("en", 1280, 900),
                new Setting("nl", 1280, 900),
                new Setting("en", 360, 740));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page open(Setting s) {
        BrowserContext context = support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(s.english() ? "en-GB" : "nl-NL")
                        .setViewportSize(s.width(), s.height()));
        return context.newPage();
    }

    private static String help(Setting s) {
        return s.english() ? "/help" : "/hulp";
    }

    /** What must never show on a Dutch page: internal slugs and codes, and English words. */
    private static final List<String> NOT_ON_A_DUTCH_PAGE = List.of(
            "veilig-thuis",
            "take-it-down",
            "stop-it-now",
            "juridisch-loket",
            "fier-chat",
            "meldpunt-kinderporno",
            "remove-images",
            "online-only-contact",
            "peer-or-classmate",
            "IBA-",
            "SXT-",
            "OSI-",
            "GRM",
            " the ",
            " and ",
            "open now",
            "unknown",
            "Phone",
            "skins",
            "follow-up");

    /** axe-core clean, no sideways scrolling on a phone, and optionally a full-page screenshot. */
    private void check(Page page, Setting s, String shot) {
        BrowserSupport.assertAccessible(page);
        if (!s.english()) {
            String text = page.locator("main").innerText();
            assertThat(NOT_ON_A_DUTCH_PAGE)
                    .as(page.url() + " shows a slug, a code or an English word")
                    .noneMatch(text::contains);
            assertThat(text)
                    .as(page.url() + " shows a slug")
                    .doesNotContainPattern("(?<![.\\w/])(helpwanted|csg)(?![.\\w])");
        }
        if (s.phone()) {
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            Object wide = page.evaluate(
                    "w => [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > w + 1)"
                            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ': '"
                            + " + (e.textContent || '').trim().slice(0, 60))",
                    s.width());
            assertThat(((Number) width).intValue())
                    .as(page.url() + " scroll width; too wide: " + wide)
                    .isLessThanOrEqualTo(s.width());
        }
        if (shot != null) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve(shot + "-" + s.name() + ".png"))
                    .setFullPage(true));
        }
    }

    private static void answer(Page page, String... values) {
        for (String value : values) {
            page.locator("input[name=answer][value='" + value + "']").check();
        }
        page.locator("button[value=next]").click();
        page.waitForLoadState();
    }

    private static void skip(Page page) {
        page.locator("button[value=skip]").click();
        page.waitForLoadState();
    }

    private static List<String> steps(Page page) {
        return page.locator(".plan-steps > li").all().stream()
                .map(li -> li.getAttribute("data-step"))
                .toList();
    }

    private static Locator organisation(Page page, String name) {
        return page.locator(".organisations > li", new Page.LocatorOptions().setHasText(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theUrgentShortcutKeepsDoNotPayAndPutsHelpwantedFirst(Setting s) {
        Page page = open(s);
        page.navigate(url(s.english() ? "/help" : "/"));
        check(page, s, "start");
        page.locator("a.button--big").click();
        assertThat(page.locator(".progress-text")).hasText(s.english() ? "Question 1 of 9" : "Vraag 1 van 9");
        answer(page, "ongoing");
        assertThat(page).hasURL(url(s.english() ? "/help/urgent" : "/hulp/direct"));
        assertThat(page.locator(".steps-now")).containsText(s.english() ? "Do not pay" : "Betaal niet");
        // 113 is on the urgent page, as a link; 112 is its own line, not one of the "open now" lines.
        assertThat(page.locator("main a[href='tel:113']")).hasCount(1);
        assertThat(page.locator(".channels a[href='tel:112']")).hasCount(0);
        check(page, s, "urgent");
        page.locator("a[href$='/plan']").click();
        assertThat(page).hasURL(url(help(s) + "/plan"));
        List<String> steps = steps(page);
        assertThat(steps).startsWith("no-pay", "stop-contact", "evidence").contains("police", "crisis");
        assertThat(page.locator(".plan-steps li").first()).containsText(s.english() ? "Do not pay" : "Betaal niet");
        assertThat(page.locator(".organisations > li").first()).containsText("Helpwanted (Offlimits)");
        assertThat(page.locator(".organisations")).not().containsText("Veilig Thuis");
        assertThat(page.locator(".plan-steps a[href='tel:113']")).hasCount(1);
        check(page, s, "plan-urgent-shortcut");
        page.context().close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aChildGroomedByAnAdultGetsChildFriendlyAnswersHelpwantedAndThePolice(Setting s) {
        Page page = open(s);
        page.navigate(url(help(s) + "/now"));
        answer(page, "stopped");
        assertThat(page.locator(".options"))
                .containsText(
                        s.english()
                                ? "must not tell anyone about our contact"
                                : "niemand over ons contact mag vertellen");
        check(page, s, "question-what");
        answer(page, "flattery", "private-chat", "secret", "meet");
        skip(page); // images
        skip(page); // platforms
        answer(page, "12-15");
        answer(page, "online-only-contact");
        assertThat(page).hasURL(url(help(s) + "/their-age"));
        assertThat(page.locator(".progress-text"))
                .hasText(s.english() ? "Question 6 of 9: follow-up question" : "Vraag 6 van 9: vervolgvraag");
        check(page, s, "question-their-age");
        answer(page, "adult");
        assertThat(page.locator(".progress-text")).hasText(s.english() ? "Question 7 of 9" : "Vraag 7 van 9");
        answer(page, "talk");
        skip(page); // barriers
        skip(page); // told
        assertThat(page).hasURL(url(help(s) + "/plan"));
        assertThat(steps(page)).contains("no-meet", "secret-ok", "trusted-adult", "police", "crisis");
        List<Locator> organisations = page.locator(".organisations > li").all();
        assertThat(organisations.get(0)).containsText("Helpwanted (Offlimits)");
        assertThat(organisations.get(1)).containsText("Politie");
        assertThat(organisations.get(1)).containsText(s.english() ? "is a crime" : "is strafbaar");
        // The police route with the non-emergency number, as a link; 112 only in danger now.
        assertThat(organisations.get(1).locator("a[href='tel:09008844']")).hasCount(1);
        assertThat(page.locator(".organisations a[href='tel:112']")).hasCount(0);
        Locator children = organisation(page, "De Kindertelefoon");
        assertThat(children).containsText(s.english() ? "For ages 8 to 17" : "Voor 8 tot en met 17 jaar");
        assertThat(children.locator("a[href='tel:08000432']")).hasCount(1);
        assertThat(children.locator("a[href='https://kindertelefoon.nl']").first())
                .hasAttribute("rel", "noreferrer noopener");
        assertThat(children).containsText(s.english() ? "open now" : "nu open");
        check(page, s, "plan-grooming");
        page.context().close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void pressureFromAClassmateIsNotGroomingAndGetsNoPoliceByDefault(Setting s) {
        Page page = open(s);
        page.navigate(url(help(s) + "/now"));
        skip(page);
        answer(page, "asking");
        skip(page);
        skip(page);
        answer(page, "12-15");
        answer(page, "peer-or-classmate");
        answer(page, "same-age");
        answer(page, "talk");
        skip(page);
        skip(page);
        assertThat(steps(page)).contains("no-send", "trusted-adult").doesNotContain("police", "no-meet");
        assertThat(page.locator(".organisations > li").first()).containsText("Helpwanted (Offlimits)");
        assertThat(page.locator(".organisations")).not().containsText("Politie");
        check(page, s, null);
        page.context().close();
    }

    /** The age band given, for the hash-bank test per setting. */
    private static String ageFor(Setting s) {
        return switch (s.name()) {
            case "nl-360" -> "25-plus";
            case "en-desktop" -> "12-15";
            case "nl-desktop" -> "";
            default -> "18-24";
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void savedRequestShowsNamesDatesInThePageLanguageAndPreselectsTheRightHashBank(Setting s) {
        Page page = open(s);
        page.navigate(url(help(s) + "/now"));
        answer(page, "stopped");
        answer(page, "shared");
        page.locator("input[value=yes]").check();
        page.locator("#urls").fill("www.Voorbeeld.example.org/post/1");
        page.locator("button[value=next]").click();
        assertThat(page).hasURL(url(help(s) + "/platforms"));
        // Accepted and normalised: going back shows the address as it is kept.
        page.navigate(url(help(s) + "/images"));
        assertThat(page.locator("#urls")).hasValue("https://www.voorbeeld.example.org/post/1");
        check(page, s, "question-images");
        page.locator("button[value=next]").click();
        skip(page);
        String age = ageFor(s);
        if (age.isEmpty()) {
            skip(page);
        } else {
            answer(page, age);
        }
        skip(page); // who
        if (!age.isEmpty() && age.matches("12-15")) {
            skip(page); // their age, asked of a child
        } else if (age.isEmpty()) {
            skip(page); // their age, asked when no age was given
        }
        answer(page, "remove-images", "talk");
        skip(page);
        skip(page);
        assertThat(page).hasURL(url(help(s) + "/plan"));
        if (age.equals("25-plus")) {
            assertThat(page.locator(".organisations")).not().containsText("Sense.info");
            assertThat(page.locator(".organisations")).not().containsText("De Kindertelefoon");
        }
        page.locator("input[name=askProfessional]").check();
        page.locator("input[name=shareWith][value=politie]").check();
        page.locator("form[action$='/plan'] button[type=submit]").click();
        String receipt = page.locator("#receipt").innerText().strip();

        page.navigate(url(s.english() ? "/follow-up" : "/opvolgen"));
        page.locator("#receipt").fill(receipt);
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("main"))
                .containsText(s.english() ? "Saved on 23 November 2026." : "Bewaard op 23 november 2026.");
        assertThat(page.locator(".consent", new Page.LocatorOptions().setHasText("Politie")))
                .containsText(s.english() ? "Shared with: Politie" : "Gedeeld met: Politie");
        assertThat(page.locator("main"))
                .not()
                .containsText(s.english() ? "Shared with: politie" : "Gedeeld met: politie");
        check(page, s, "request");
        page.locator("a[href$='/images'], a[href$='/beelden']").first().click();
        String expected = age.isEmpty() ? "unknown" : age.equals("12-15") ? "minor" : "adult";
        assertThat(page.locator("input[name=age][value=" + expected + "]")).isChecked();
        assertThat(page.locator("input[name=age]:checked")).hasCount(1);
        check(page, s, "images-" + expected);
        page.context().close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void allAddressesHaveLinksAgesAndTheCrisisLine(Setting s) {
        Page page = open(s);
        page.navigate(url(s.english() ? "/help-addresses" : "/hulpadressen"));
        assertThat(page.locator("main a[href='tel:08000188']")).hasCount(1);
        assertThat(page.locator("main a[href='https://helpwanted.nl']").first())
                .hasAttribute("rel", "noreferrer noopener");
        assertThat(page.locator("main"))
                .containsText(s.english() ? "For young people up to 24" : "Voor jongeren tot en met 24 jaar");
        assertThat(page.locator("main")).containsText("113 Zelfmoordpreventie");
        check(page, s, "addresses");
        page.context().close();
    }

    @Test
    void surveyLegendsStayInsideTheirBordersOnAPhoneInDutchAndEnglish() {
        BrowserContext staff = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page researcher = staff.newPage();
        researcher.navigate(url("/staff/login"));
        researcher.getByLabel("Gebruikersnaam").fill("demo-onderzoek");
        researcher.getByLabel("Wachtwoord").fill("demo-demo-onderzoek-wachtwoord");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        researcher.navigate(url("/staff/research"));
        researcher
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe campagne"))
                .click();
        researcher.getByLabel("Naam van de campagne").fill("Legenda's");
        researcher.getByLabel("Vragenlijst").selectOption("help-seeking/1");
        researcher.getByLabel("Wie doet het onderzoek (organisatie)").fill("Testinstituut");
        researcher.getByLabel("Contact voor vragen van deelnemers").fill("onderzoek@example.org");
        researcher.getByLabel("Doel van het onderzoek, in het Nederlands").fill("Hulpzoeken.");
        researcher.getByLabel("Doel van het onderzoek, in het Engels").fill("Help-seeking.");
        researcher
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Campagne aanmaken"))
                .click();
        researcher.locator("#l-label").fill("Klas 1");
        researcher
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Links maken").setExact(true))
                .click();
        // Survey links are made from vangnet.public-base-url; open them on this test's server.
        String link = url(researcher
                .locator("code.survey-url")
                .first()
                .textContent()
                .strip()
                .replaceFirst("^https?://[^/]+", ""));
        staff.close();

        for (Setting s : List.of(new Setting("nl", 360, 740), new Setting("en", 360, 740))) {
            Page page = open(s);
            page.navigate(s.english() ? link + "?lang=en" : link);
            page.locator("input[name=age][value='16plus']").check();
            page.locator("input[name=consent]").check();
            page.locator("main form button[type=submit]").first().click();
            assertThat(page.locator("fieldset.survey-item").first()).isVisible();
            List<Locator> items = page.locator("fieldset.survey-item").all();
            assertThat(items).isNotEmpty();
            for (Locator item : items) {
                var box = item.boundingBox();
                var legend = item.locator("legend").boundingBox();
                Object borderTop = item.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)");
                // The whole legend lies inside the bordered box: the top border does not run through it.
                assertThat(legend.y)
                        .as(s + " legend top")
                        .isGreaterThanOrEqualTo(box.y + ((Number) borderTop).doubleValue());
                assertThat(legend.x + legend.width).as(s + " legend right").isLessThanOrEqualTo(box.x + box.width);
            }
            check(page, s, "survey-page");
            page.context().close();
        }
    }
}
