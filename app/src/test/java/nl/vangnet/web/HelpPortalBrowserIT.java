package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vangnet.TestDatabase;
import nl.vangnet.VangnetApplication;
import nl.vangnet.intake.HelpRequestId;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The help portal as a victim uses it, in a real Chromium: an urgent request in Dutch by keyboard
 * only, a calm request in English without JavaScript, then — after the application is closed and
 * started again on the same database — coming back with both receipts, answering a professional's
 * message, withdrawing a consent and deleting everything. Every page is checked with axe-core, no
 * page may load anything from another origin, and no cookie but the session may appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpPortalBrowserIT {

    private final String database = TestDatabase.newDatabase();
    private Path dataDir;
    private BrowserSupport support;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("vangnet-portal-browser");
        support = new BrowserSupport();
    }

    @AfterAll
    void tearDown() {
        support.close();
    }

    private ConfigurableApplicationContext start() {
        TestDatabase.Server server = TestDatabase.server();
        return SpringApplication.run(
                VangnetApplication.class,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--vangnet.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--server.shutdown=immediate",
                "--spring.main.banner-mode=off");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private BrowserContext browser(String locale, boolean javaScript) {
        BrowserContext context = support.browser()
                .newContext(new Browser.NewContextOptions().setLocale(locale).setJavaScriptEnabled(javaScript));
        context.onRequest(request -> requested.add(request.url()));
        return context;
    }

    /** Presses Tab until the focused element matches, as a keyboard user would. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            Object matches =
                    page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector);
            if (Boolean.TRUE.equals(matches)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }

    private static void keyboardAnswer(Page page, String... values) {
        boolean radio =
                page.locator("input[name=answer]").first().getAttribute("type").equals("radio");
        if (radio) {
            tabTo(page, "input[name=answer]");
            for (int i = 0; i < 12; i++) {
                Object value = page.evaluate("() => document.activeElement.value");
                if (values[0].equals(value)) {
                    break;
                }
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Space");
        } else {
            for (String value : values) {
                tabTo(page, "input[name=answer][value='" + value + "']");
                page.keyboard().press("Space");
            }
        }
        tabTo(page, "button[value=next]");
        page.keyboard().press("Enter");
        page.waitForLoadState();
    }

    private static void mouseAnswer(Page page, String... values) {
        for (String value : values) {
            page.locator("input[name=answer][value='" + value + "']").check();
        }
        page.locator("button[value=next]").click();
    }

    private static Page checked(Page page) {
        BrowserSupport.assertAccessible(page);
        return page;
    }

    private String urgentDutchRequestByKeyboard(String base) {
        BrowserContext context = browser("nl-NL", true);
        Page page = context.newPage();
        page.navigate(base + "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Je staat er niet alleen voor");
        assertThat(page.locator("main")).containsText("0800 0188");
        checked(page);
        assertThat(context.cookies()).as("no cookie on the start page").isEmpty();

        tabTo(page, "a.button--big");
        page.keyboard().press("Enter");
        page.waitForURL(base + "/hulp/now");
        assertThat(page.locator(".progress-text")).hasText("Vraag 1 van 9");
        checked(page);
        keyboardAnswer(page, "ongoing");

        // The urgent path: immediate steps and what is open now come first.
        page.waitForURL(base + "/hulp/direct");
        assertThat(page.locator("main")).containsText("Betaal niet");
        assertThat(page.locator("main")).containsText("Bel 112");
        assertThat(page.locator("main")).containsText("Centrum Seksueel Geweld");
        checked(page);
        tabTo(page, "a[href$='/hulp/what']");
        page.keyboard().press("Enter");
        page.waitForURL(base + "/hulp/what");

        checked(page);
        keyboardAnswer(page, "threatened", "shared");
        page.waitForURL(base + "/hulp/demand");
        assertThat(page.locator(".progress-text")).hasText("Vraag 2 van 9: vervolgvraag");
        checked(page);
        keyboardAnswer(page, "money");

        page.waitForURL(base + "/hulp/images");
        // A wrong web address is refused with a clear message; what was typed stays on the page.
        page.locator("input[value=yes]").check();
        page.locator("#urls").fill("https://voorbeeld.example.org/post/1\nniet een adres");
        page.locator("button[value=next]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Adres 2 (niet een adres) is geen volledig webadres");
        assertThat(page.locator("#urls")).hasValue("https://voorbeeld.example.org/post/1\nniet een adres");
        assertThat(page.locator("input[value=yes]")).isChecked();
        checked(page);
        page.locator("#urls").fill("https://voorbeeld.example.org/post/1");
        tabTo(page, "button[value=next]");
        page.keyboard().press("Enter");

        page.waitForURL(base + "/hulp/platforms");
        checked(page);
        keyboardAnswer(page, "instagram");
        page.waitForURL(base + "/hulp/age");
        checked(page);
        keyboardAnswer(page, "16-17");
        page.waitForURL(base + "/hulp/who");
        checked(page);
        keyboardAnswer(page, "online-only-contact");
        page.waitForURL(base + "/hulp/their-age");
        checked(page);
        keyboardAnswer(page, "unknown");
        page.waitForURL(base + "/hulp/need");
        checked(page);
        keyboardAnswer(page, "remove-images", "stop-threats", "talk");
        page.waitForURL(base + "/hulp/barriers");
        checked(page);
        keyboardAnswer(page, "shame", "family-reaction");
        page.waitForURL(base + "/hulp/told");
        checked(page);
        // Skipping works by keyboard too.
        tabTo(page, "button[value=skip]");
        page.keyboard().press("Enter");

        page.waitForURL(base + "/hulp/plan");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Jouw hulpplan");
        assertThat(page.locator(".plan-steps li").first()).containsText("Betaal niet");
        assertThat(page.locator(".plan-steps")).containsText("Take It Down");
        assertThat(page.locator(".organisations > li").first()).containsText("Helpwanted");
        assertThat(page.locator(".organisations")).containsText("Waarom deze past");
        assertThat(page.locator(".organisations")).not().containsText("StopNCII");
        checked(page);
        assertThat(context.cookies())
                .as("only the strictly necessary session cookie before saving")
                .extracting(c -> c.name)
                .containsExactly("VANGNET_SESSION");

        tabTo(page, "input[name=askProfessional]");
        page.keyboard().press("Space");
        tabTo(page, "input[name=shareWith][value=helpwanted]");
        page.keyboard().press("Space");
        tabTo(page, "form[action$='/hulp/plan'] button[type=submit]");
        page.keyboard().press("Enter");
        page.waitForURL(base + "/hulp/bewaard");
        String receipt = page.locator("#receipt").innerText().strip();
        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{4}");
        checked(page);
        // Shown once: a reload does not show it again.
        page.reload();
        assertThat(page.locator("#receipt")).hasCount(0);
        assertThat(context.cookies()).extracting(c -> c.name).containsExactly("VANGNET_SESSION");
        context.close();
        return receipt;
    }

    private String calmEnglishRequestWithoutJavaScript(String base) {
        BrowserContext context = browser("en-GB", false);
        Page page = context.newPage();
        page.navigate(base + "/help");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("You are not alone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tell us what happened"))
                .click();
        page.waitForURL(base + "/help/now");
        mouseAnswer(page, "stopped");
        page.waitForURL(base + "/help/what");
        mouseAnswer(page, "fake", "shared");
        page.waitForURL(base + "/help/images");
        assertThat(page.locator(".progress-text")).hasText("Question 3 of 9");
        mouseAnswer(page, "unsure");
        page.locator("button[value=skip]").click();
        page.waitForURL(base + "/help/age");
        mouseAnswer(page, "18-24");
        mouseAnswer(page, "peer-or-classmate");
        page.waitForURL(base + "/help/need");
        mouseAnswer(page, "remove-images", "know-rights");
        page.locator("button[value=skip]").click();
        page.waitForURL(base + "/help/told");
        mouseAnswer(page, "friend");
        page.waitForURL(base + "/help/plan");
        assertThat(page.locator(".plan-steps")).containsText("StopNCII.org");
        assertThat(page.locator(".organisations")).containsText("StopNCII.org");
        assertThat(page.locator(".organisations")).not().containsText("Take It Down");
        assertThat(page.locator(".panel--urgent")).hasCount(0);
        assertThat(page.locator("[data-print]")).isHidden();

        page.locator("#passphrase").fill("kort");
        page.locator("input[name=shareWith][value=politie]").check();
        page.locator("form[action$='/help/plan'] button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your own password has 8 to 200 characters");
        assertThat(page.locator("input[name=shareWith][value=politie]")).isChecked();
        assertThat(page.locator("#passphrase")).hasValue("");
        page.locator("#passphrase").fill("a sentence of my own");
        page.locator("form[action$='/help/plan'] button[type=submit]").click();
        page.waitForURL(base + "/help/saved");
        String receipt = page.locator("#receipt").innerText().strip();
        assertThat(page.locator("main")).containsText("You need both to come back");
        context.close();
        return receipt;
    }

    private void comeBackInDutchAnswerAndDelete(String base, String receipt) {
        BrowserContext context = browser("nl-NL", true);
        Page page = context.newPage();
        page.navigate(base + "/opvolgen");
        checked(page);
        page.locator("#receipt").fill("1234 5678 9012 3456 7890");
        page.locator("main form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("We vinden geen verzoek");
        checked(page);
        page.locator("#receipt").fill(receipt);
        page.locator("main form button[type=submit]").click();
        page.waitForURL(base + "/opvolgen/verzoek");
        assertThat(page.locator(".status")).containsText("Een hulpverlener heeft je een bericht gestuurd");
        assertThat(page.locator(".messages")).containsText("Hoi, ik ben Sanne van Helpwanted");
        assertThat(page.locator(".plan-steps")).containsText("Betaal niet");
        checked(page);

        page.locator("#message").fill("<b>hallo</b>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Gebruik geen code");
        assertThat(page.locator("#message")).hasValue("<b>hallo</b>");
        checked(page);
        page.locator("#message").fill("Dank je wel. Kunnen jullie de foto offline halen?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Je bericht is verstuurd");
        assertThat(page.locator(".message-item--mine")).containsText("Kunnen jullie de foto offline halen?");

        page.locator(".consent", new Page.LocatorOptions().setHasText("Gedeeld met: Helpwanted"))
                .getByRole(AriaRole.BUTTON)
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Je toestemming is ingetrokken");
        assertThat(page.locator(".consent")).not().containsText("Helpwanted");
        checked(page);

        page.locator("input[name=confirm]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alles verwijderen"))
                .click();
        page.waitForURL(base + "/opvolgen/verwijderd");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Alles is verwijderd");
        checked(page);
        page.navigate(base + "/opvolgen");
        page.locator("#receipt").fill(receipt);
        page.locator("main form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("We vinden geen verzoek");
        context.close();
    }

    private void comeBackInEnglishWithThePassphrase(String base, String receipt) {
        BrowserContext context = browser("en-GB", true);
        Page page = context.newPage();
        page.navigate(base + "/follow-up");
        page.locator("#receipt").fill(receipt.replace(" ", ""));
        page.locator("main form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("We find no request with these details");
        page.locator("#receipt").fill(receipt);
        page.locator("#passphrase").fill("a sentence of my own");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(base + "/follow-up/request");
        assertThat(page.locator(".status")).containsText("You did not ask for a professional");
        assertThat(page.locator("main")).containsText("Shared with: Politie");
        assertThat(page.locator(".organisations")).containsText("StopNCII.org");
        checked(page);
        page.locator("input[name=confirm]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete everything"))
                .click();
        page.waitForURL(base + "/follow-up/deleted");
        assertThat(page.locator("main")).containsText("Your receipt code no longer works");
        checked(page);
        context.close();
    }

    @Test
    void urgentAndCalmRequestsSurviveARestartAndCanBeAnsweredAndDeleted() {
        String dutchReceipt;
        String englishReceipt;
        String firstBase;
        try (ConfigurableApplicationContext first = start()) {
            firstBase = base(first);
            dutchReceipt = urgentDutchRequestByKeyboard(firstBase);
            englishReceipt = calmEnglishRequestWithoutJavaScript(firstBase);
        }

        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            // A professional answers, as the cases module will through the intake facade.
            IntakeManagement intake = second.getBean(IntakeManagement.class);
            List<HelpRequestId> queue = intake.hotlineQueue();
            assertThat(queue).hasSize(1);
            intake.postProfessionalMessage(
                    queue.getFirst(), "Helpwanted", "Hoi, ik ben Sanne van Helpwanted. We kijken met je mee.");

            comeBackInDutchAnswerAndDelete(base, dutchReceipt);
            comeBackInEnglishWithThePassphrase(base, englishReceipt);
            assertThat(requested)
                    .isNotEmpty()
                    .allSatisfy(u -> assertThat(u).matches(x -> x.startsWith(firstBase) || x.startsWith(base)));
        }
    }
}
