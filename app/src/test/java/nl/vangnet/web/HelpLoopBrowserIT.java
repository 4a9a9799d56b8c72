package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Header;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.vangnet.TestDatabase;
import nl.vangnet.VangnetApplication;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, items 4, 5, 6 and 8, as a victim and a professional live them, in Chromium, in Dutch on
 * a 360 px phone (touch, JavaScript) and in English on a desktop (without JavaScript), every page
 * checked with axe-core and photographed to /tmp/shots-help-loop:
 *
 * <ul>
 *   <li>what the victim told (needs, barriers, whom she told, her own words) is on the case file;
 *   <li>she asks for a neutral e-mail when a professional writes; the professional's reply queues it
 *       in the same transaction, the mail server is down, the application stops and starts again,
 *       and the e-mail arrives (GreenMail on 127.0.0.1) saying nothing about the content; removing
 *       the address stops mails; deleting the request deletes the address; her reply shows in the
 *       staff inbox and the navigation count even when the case is no longer in triage;
 *   <li>the professional's share and referral forms tick nothing in advance; she sees the share the
 *       professional made with her consent on her request page and withdraws it;
 *   <li>the quick exit is in reach at every scroll position at 360 px, ends the session (Back finds
 *       no answers), also without JavaScript, and the language choice lasts for the session only
 *       unless she asks to remember it.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpLoopBrowserIT {

    private static final Path SHOTS = Path.of("/tmp/shots-help-loop");
    private static final String OWN_WORDS =
            "Hij zegt dat hij mijn foto naar mijn klas stuurt als ik niet betaal. " + "Mijn moeder mag het niet weten.";
    private static final String STAFF_MESSAGE =
            "Hoi, je bent niet de enige. Betaal niet; wij helpen je de foto te laten weghalen.";
    private static final String SENDER = "bericht@neutraal.test";

    private final String database = TestDatabase.newDatabase();
    private final int smtpPort = freePort();
    private Path dataDir;
    private BrowserSupport support;
    private HttpServer neutralSite;
    private String neutralUrl;
    private GreenMail mail;

    @BeforeAll
    void setUp() throws Exception {
        Files.createDirectories(SHOTS);
        dataDir = Files.createTempDirectory("vangnet-help-loop");
        support = new BrowserSupport();
        neutralSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        neutralSite.createContext("/", exchange -> {
            byte[] body = "<!DOCTYPE html><html lang=nl><title>Weer</title><body><h1>Het weer</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        neutralSite.start();
        neutralUrl = "http://127.0.0.1:" + neutralSite.getAddress().getPort() + "/";
    }

    @AfterAll
    void tearDown() {
        support.close();
        neutralSite.stop(0);
        if (mail != null) {
            mail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfigurableApplicationContext start() {
        TestDatabase.Server server = TestDatabase.server();
        return SpringApplication.run(
                VangnetApplication.class,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--vangnet.data-dir=" + dataDir,
                "--vangnet.quick-exit-url=" + neutralUrl,
                "--vangnet.intake.notification.from=" + SENDER,
                "--vangnet.intake.notification.interval=PT1S",
                "--vangnet.intake.notification.retry-initial=PT1S",
                "--vangnet.intake.notification.retry-max=PT2S",
                "--vangnet.intake.notification.lease=PT3S",
                "--vangnet.takedown.jobs.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=5000",
                "--server.port=0",
                "--management.server.port=0",
                "--server.shutdown=immediate",
                "--spring.main.banner-mode=off");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    // ------------------------------------------------------------------ browsers

    private BrowserContext phone(String locale) {
        return support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(locale)
                        .setViewportSize(360, 740)
                        .setIsMobile(true)
                        .setHasTouch(true));
    }

    private BrowserContext desktop(String locale, boolean javaScript) {
        return support.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(locale)
                        .setViewportSize(1280, 900)
                        .setJavaScriptEnabled(javaScript));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    private static void shot(Locator element, String name) {
        element.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    private static Page checked(Page page) {
        BrowserSupport.assertAccessible(page);
        return page;
    }

    /** Clicks something that loads a new page and waits until it has loaded. */
    private static void submit(Page page, Locator target) {
        page.waitForNavigation(target::click);
        page.waitForLoadState();
    }

    /**
     * Answers the guided questions from the first one to the plan: the given answers where the
     * question is asked, "skip" for every other question (so new questions do not break this test).
     * With JavaScript every question is checked with axe-core (axe needs JavaScript).
     */
    private static void answerUntilPlan(Page page, Map<String, List<String>> answers, boolean javaScript) {
        for (int i = 0; i < 25 && !page.url().endsWith("/plan"); i++) {
            if (javaScript) {
                checked(page);
            }
            String slug = page.url().substring(page.url().lastIndexOf('/') + 1);
            List<String> values = answers.get(slug);
            if (values == null) {
                submit(page, page.locator("button[value=skip]"));
                continue;
            }
            for (String value : values) {
                page.locator("input[name=answer][value='" + value + "']").check();
            }
            submit(page, page.locator("button[value=next]"));
        }
        assertThat(page.url()).endsWith("/plan");
    }

    private static Map<String, List<String>> sextortionAnswers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("now", List.of("stopped"));
        answers.put("what", List.of("threatened"));
        answers.put("demand", List.of("money"));
        answers.put("images", List.of("no"));
        answers.put("age", List.of("16-17"));
        answers.put("who", List.of("online-only-contact"));
        answers.put("need", List.of("stop-threats", "talk"));
        answers.put("barriers", List.of("shame", "not-believed"));
        answers.put("told", List.of("friend"));
        return answers;
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " did not happen within 20 s");
    }

    // ------------------------------------------------------------------ the quick exit (item 8)

    /**
     * The exit control is inside the viewport, on top (nothing covers it) and at least 44 by 44 px
     * at the top, in the middle and at the end of the page; at rest it covers nothing; and walking
     * back through the page by keyboard never puts the focused element under it.
     */
    private static void exitAlwaysInReach(Page page) {
        double scrollable = ((Number) page.evaluate("() => document.documentElement.scrollHeight - window.innerHeight"))
                .doubleValue();
        assertThat(scrollable).as("the page is long enough to scroll").isPositive();
        for (double fraction : new double[] {0, 0.33, 0.66, 1}) {
            page.evaluate("y => window.scrollTo(0, y)", fraction * scrollable);
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                    () => {
                      const b = document.querySelector('[data-quick-exit]').getBoundingClientRect();
                      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                      return {top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width,
                              height: b.height, vw: window.innerWidth, vh: window.innerHeight,
                              onTop: !!hit && hit.closest('[data-quick-exit]') !== null};
                    }""");
            String where = page.url() + " scrolled to " + fraction;
            assertThat(num(box, "top")).as(where).isGreaterThanOrEqualTo(0);
            assertThat(num(box, "bottom")).as(where).isLessThanOrEqualTo(num(box, "vh"));
            assertThat(num(box, "left")).as(where).isGreaterThanOrEqualTo(0);
            assertThat(num(box, "right")).as(where).isLessThanOrEqualTo(num(box, "vw"));
            assertThat(num(box, "width")).as(where).isGreaterThanOrEqualTo(44);
            assertThat(num(box, "height")).as(where).isGreaterThanOrEqualTo(44);
            assertThat(box.get("onTop")).as(where + ": nothing covers the exit").isEqualTo(true);
        }
        page.evaluate("() => window.scrollTo(0, 0)");
        double barBottom = ((Number)
                        page.evaluate("() => document.querySelector('.exit-bar').getBoundingClientRect().bottom"))
                .doubleValue();
        double next = ((Number) page.evaluate(
                        "() => document.querySelector('.exit-bar').nextElementSibling.getBoundingClientRect().top"))
                .doubleValue();
        assertThat(next).as("at rest the bar covers nothing").isGreaterThanOrEqualTo(barBottom - 0.5);
        // Focus not obscured (WCAG 2.4.11): from the end of the page back up by keyboard.
        page.evaluate("() => { window.scrollTo(0, document.documentElement.scrollHeight);"
                + " document.querySelector('footer a:last-of-type, footer a').focus(); }");
        for (int i = 0; i < 25; i++) {
            page.keyboard().press("Shift+Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) page.evaluate("""
                    () => {
                      const e = document.activeElement;
                      if (!e || e === document.body || e.closest('.exit-bar')) return {skip: true};
                      const r = e.getBoundingClientRect();
                      const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 12), 0), window.innerWidth - 1);
                      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 0), window.innerHeight - 1);
                      const hit = document.elementFromPoint(x, y);
                      const label = e.labels ? [...e.labels] : [];
                      const visible = !!hit && (hit === e || e.contains(hit) || hit.contains(e)
                          || label.some(l => l.contains(hit)) || (!!e.closest('label') && e.closest('label').contains(hit)));
                      return {skip: false, visible: visible, what: e.tagName + '#' + e.id + '.' + e.className,
                              hit: hit ? hit.tagName + '.' + hit.className : 'nothing'};
                    }""");
            if (Boolean.TRUE.equals(focus.get("skip"))) {
                continue;
            }
            assertThat(focus.get("visible"))
                    .as("focused " + focus.get("what") + " is not hidden (found " + focus.get("hit") + ")")
                    .isEqualTo(true);
        }
    }

    private static double num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static List<String> cookieNames(BrowserContext context) {
        return context.cookies().stream().map(c -> c.name).toList();
    }

    private void quickExitOnAPhoneInDutch(String base) {
        BrowserContext context = phone("nl-NL");
        Page page = context.newPage();
        page.navigate(base + "/");
        checked(page);
        assertThat(context.cookies()).as("no cookie on the start page").isEmpty();
        submit(page, page.locator("a.button--big"));
        answerUntilPlan(page, sextortionAnswers(), true);
        checked(page);
        exitAlwaysInReach(page);
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight / 2)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("exit-bar-360-mid-scroll.png")));
        page.locator("#ownWords").fill("nog niet bewaard");

        // Phones have no Esc: a tap on the bar leaves, through the server, which ends the session.
        page.locator("[data-quick-exit]").tap();
        page.waitForURL(neutralUrl);
        assertThat(page).hasTitle("Weer");
        assertThat(cookieNames(context)).doesNotContain("VANGNET_SESSION", "vangnet-lang");
        page.goBack();
        page.waitForLoadState();
        assertThat(page.url()).as("the page left is not in the history").doesNotEndWith("/plan");
        if (page.url().startsWith(base)) {
            assertThat(page.locator("input:checked")).hasCount(0);
            assertThat(page.locator("main")).not().containsText("nog niet bewaard");
        }
        // The answers of this session are gone too.
        page.navigate(base + "/hulp/told");
        assertThat(page.locator("input:checked")).hasCount(0);
        page.navigate(base + "/hulp/plan");
        assertThat(page.locator("#ownWords")).hasValue("");

        // The language: for this session only, unless she asks to remember it.
        page.navigate(base + "/");
        submit(page, page.locator("a.lang-switch"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(cookieNames(context)).containsExactly("VANGNET_SESSION");
        checked(page);
        shot(page, "language-session-360-en");
        submit(
                page,
                page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Remember this language on this device")));
        Cookie remembered = context.cookies().stream()
                .filter(c -> c.name.equals("vangnet-lang"))
                .findFirst()
                .orElseThrow();
        assertThat(remembered.value).isEqualTo("en");
        assertThat(remembered.expires)
                .isGreaterThan(Instant.now().plusSeconds(300L * 24 * 3600).getEpochSecond());
        assertThat(page.locator("footer")).containsText("This language is remembered on this device");
        checked(page);
        page.locator("[data-quick-exit]").tap();
        page.waitForURL(neutralUrl);
        assertThat(cookieNames(context)).as("nothing of the visit stays").isEmpty();
        context.close();
    }

    private void quickExitOnADesktopInEnglishWithoutJavaScript(String base) {
        BrowserContext context = desktop("en-GB", false);
        Page page = context.newPage();
        page.navigate(base + "/help");
        submit(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tell us what happened")));
        answerUntilPlan(page, sextortionAnswers(), false);
        shot(page, "plan-desktop-en-no-js");
        submit(page, page.locator("[data-quick-exit]"));
        assertThat(page.url()).isEqualTo(neutralUrl);
        assertThat(cookieNames(context)).doesNotContain("VANGNET_SESSION");
        // Back after leaving is checked on the phone with JavaScript (above); without JavaScript the
        // session is gone, so opening a question again shows no earlier answer.
        page.navigate(base + "/help/told");
        assertThat(page.locator("input:checked")).hasCount(0);
        context.close();
    }

    // ------------------------------------------------------------------ the help loop (items 4, 5, 6)

    /** The Dutch victim on a phone saves a request with her own words and asks for a notification. */
    private String dutchVictimSavesAndAsksForNotifications(BrowserContext context, String base) {
        Page page = context.newPage();
        page.navigate(base + "/");
        submit(page, page.locator("a.button--big"));
        answerUntilPlan(page, sextortionAnswers(), true);

        // Her own words without asking for a professional: a clear error, and nothing she typed is lost.
        page.locator("#ownWords").fill(OWN_WORDS);
        page.locator("#contact").fill("");
        submit(page, page.locator("form[action$='/hulp/plan'] button[type=submit]"));
        assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("Wat je in je eigen woorden schrijft, is voor een hulpverlener");
        assertThat(page.locator("#ownWords")).hasValue(OWN_WORDS);
        checked(page);
        shot(page, "plan-own-words-error-360-nl");
        shot(page.locator("form[action$='/hulp/plan']"), "plan-own-words-error-360-nl-form");
        // Nothing on the plan page is ticked for her.
        assertThat(page.locator("form[action$='/hulp/plan'] input[name=shareWith]:checked"))
                .hasCount(0);
        page.locator("input[name=askProfessional]").check();
        submit(page, page.locator("form[action$='/hulp/plan'] button[type=submit]"));
        page.waitForURL(base + "/hulp/bewaard");
        String receipt = page.locator("#receipt").innerText().strip();
        checked(page);
        shot(page, "saved-notify-360-nl");

        // The notification, on the saved page: a wrong address is refused; the receipt stays shown.
        page.locator("#notifyEmail").fill("sanne@");
        submit(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur me een seintje")));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Dit is geen e-mailadres");
        assertThat(page.locator("#notifyEmail")).hasValue("sanne@");
        assertThat(page.locator("#receipt")).hasText(receipt);
        checked(page);
        page.locator("#notifyEmail").fill("sanne.test@example.org");
        submit(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur me een seintje")));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Je krijgt voortaan een seintje");
        assertThat(page.locator(".notify__active")).containsText("s•••@example.org");
        assertThat(page.locator("#receipt")).hasText(receipt);
        assertThat(page.locator("main")).not().containsText("sanne.test@example.org");
        checked(page);
        shot(page, "saved-notify-set-360-nl");
        return receipt;
    }

    /** The English victim on a desktop, asking for a professional, no own words; the exit bar is in reach. */
    private String englishVictimSaves(String base) {
        BrowserContext context = desktop("en-GB", true);
        Page page = context.newPage();
        page.navigate(base + "/help");
        submit(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tell us what happened")));
        Map<String, List<String>> answers = new LinkedHashMap<>(sextortionAnswers());
        answers.put("need", List.of("remove-images"));
        answers.remove("barriers");
        answerUntilPlan(page, answers, true);
        checked(page);
        exitAlwaysInReach(page);
        shot(page, "plan-desktop-en");
        page.locator("input[name=askProfessional]").check();
        submit(page, page.locator("form[action$='/help/plan'] button[type=submit]"));
        page.waitForURL(base + "/help/saved");
        String receipt = page.locator("#receipt").innerText().strip();
        checked(page);
        shot(page, "saved-notify-desktop-en");
        context.close();
        return receipt;
    }

    private static Page comeBack(BrowserContext context, String base, String receipt, boolean english) {
        Page page = context.newPage();
        page.navigate(base + (english ? "/follow-up" : "/opvolgen"));
        page.locator("#receipt").fill(receipt);
        submit(page, page.locator("main form button[type=submit]"));
        page.waitForURL(base + (english ? "/follow-up/request" : "/opvolgen/verzoek"));
        return page;
    }

    private static String caseOf(JdbcClient jdbc, int nth) {
        until(
                "the case is opened",
                () -> jdbc.sql("SELECT count(*) FROM cases.case_file")
                                .query(Integer.class)
                                .single()
                        >= nth);
        return jdbc.sql("SELECT id::text FROM cases.case_file ORDER BY opened_at, reference OFFSET :n LIMIT 1")
                .param("n", nth - 1)
                .query(String.class)
                .single();
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private List<MimeMessage> mails() {
        return mail == null ? List.of() : List.of(mail.getReceivedMessages());
    }

    /** Everything a notification says, its own headers included (not the server's Received trace). */
    private static String everything(MimeMessage message) throws Exception {
        List<String> parts = new ArrayList<>();
        for (Header h : Collections.list(message.getAllHeaders())) {
            if (!h.getName().equalsIgnoreCase("Received") && !h.getName().equalsIgnoreCase("Return-Path")) {
                parts.add(h.getName() + ": " + jakarta.mail.internet.MimeUtility.decodeText(h.getValue()));
            }
        }
        parts.add(String.valueOf(message.getContent()));
        return String.join("\n", parts);
    }

    private static void assertNeutral(MimeMessage message, String language, String... secrets) throws Exception {
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(SENDER);
        assertThat(from.getPersonal()).isEqualTo(language.equals("nl") ? "Berichten" : "Messages");
        assertThat(message.getSubject())
                .isEqualTo(language.equals("nl") ? "Je hebt een nieuw bericht" : "You have a new message");
        assertThat(message.getMessageID()).endsWith("@neutraal.test>");
        String text = everything(message);
        String host = InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
        if (host.length() >= 4 && !host.matches("[0-9a-f.-]+")) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(host);
        }
        assertThat(text.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(
                        "vangnet",
                        "helpwanted",
                        "hulplijn",
                        "localhost",
                        "127.0.0.1",
                        "http",
                        "seks",
                        "sex",
                        "foto",
                        "betaal");
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }

    @Test
    void whatTheVictimToldRepliesSharesAndTheQuickExitWorkForVictimsAndProfessionals() throws Exception {
        BrowserContext dutchVictim = phone("nl-NL");
        String dutchReceipt;
        String caseA;
        String hotlineUser;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            StaffManagement staff = first.getBean(StaffManagement.class);
            hotlineUser = StaffAccountsForTests.create(staff, OrganisationKind.HOTLINE, Role.HOTLINE);
            quickExitOnAPhoneInDutch(base);
            quickExitOnADesktopInEnglishWithoutJavaScript(base);

            dutchReceipt = dutchVictimSavesAndAsksForNotifications(dutchVictim, base);
            caseA = caseOf(jdbc, 1);
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_address"))
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT address_encrypted FROM intake.notification_address")
                            .query(byte[].class)
                            .single())
                    .asString(StandardCharsets.ISO_8859_1)
                    .doesNotContain("sanne");

            // The professional sees what she told, and writes; the mail server is down.
            BrowserContext staffDesktop = desktop("nl-NL", true);
            Page hotline = staffDesktop.newPage();
            StaffAccountsForTests.logIn(hotline, base, hotlineUser);
            hotline.navigate(base + "/staff/cases/" + caseA);
            checked(hotline);
            Locator account = hotline.locator(".victim-account");
            assertThat(account).containsText("Dat het dreigen of afpersen stopt");
            assertThat(account).containsText("Met iemand praten");
            assertThat(account).containsText("Ik schaam me");
            assertThat(account).containsText("Een vriend of vriendin");
            assertThat(account).containsText(OWN_WORDS);
            assertThat(hotline.locator("main")).not().containsText("Nog niets vastgelegd");
            shot(hotline, "case-victim-account-desktop-nl");
            hotline.fill("#m-message", STAFF_MESSAGE);
            submit(hotline, hotline.locator("button:has-text('Bericht versturen')"));
            assertThat(hotline.locator("main")).containsText("krijgt er een neutrale e-mail over");
            // Acknowledged as scheduled: the outbox row is there, written with the message.
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_outbox"))
                    .isEqualTo(1);
            until(
                    "a failed delivery attempt",
                    () -> count(jdbc, "SELECT coalesce(max(attempts), 0) FROM intake.notification_outbox") > 0);
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_outbox"))
                    .isEqualTo(1);
            staffDesktop.close();
        }

        // The application stops with the e-mail undelivered; the mail server comes back; it starts again.
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            StaffManagement staff = second.getBean(StaffManagement.class);
            until("the notification arrives after the restart", () -> mails().size() == 1);
            MimeMessage notification = mails().getFirst();
            assertThat(((InternetAddress) notification.getAllRecipients()[0]).getAddress())
                    .isEqualTo("sanne.test@example.org");
            assertNeutral(notification, "nl", STAFF_MESSAGE, OWN_WORDS, dutchReceipt, dutchReceipt.replace(" ", ""));
            // Delivered: the row goes right after the mail server took the e-mail.
            until("the outbox is empty", () -> count(jdbc, "SELECT count(*) FROM intake.notification_outbox") == 0);

            Organisation police = staff.createOrganisation("test", "Politie Eenheid Test", OrganisationKind.POLICE);

            // The professional moves the case on: it leaves the triage page.
            BrowserContext staffDesktop = desktop("nl-NL", true);
            Page hotline = staffDesktop.newPage();
            StaffAccountsForTests.logIn(hotline, base, hotlineUser);
            hotline.navigate(base + "/staff/cases/" + caseA);
            hotline.selectOption("#st-status", "IN_PROGRESS");
            submit(hotline, hotline.locator("form:has(#st-status) button"));
            assertThat(hotline.locator("main")).containsText("De status is gewijzigd.");

            // Nothing is ticked or chosen in advance in the share and referral forms.
            Locator shareForm = hotline.locator("form[action$='/consents']");
            assertThat(shareForm.locator("input[name=parts]:checked")).hasCount(0);
            assertThat(shareForm.locator("#sh-org")).hasValue("");
            assertThat(shareForm.locator("#sh-how")).hasValue("");
            hotline.navigate(base + "/staff/referrals/new?case=" + caseA);
            checked(hotline);
            assertThat(hotline.locator("input[name=parts]:checked")).hasCount(0);
            assertThat(hotline.locator("#rf-destination")).hasValue("");
            assertThat(hotline.locator("#rf-how")).hasValue("");
            shot(hotline, "referral-nothing-ticked-desktop-nl");

            // The professional records her consent (by phone) and shares with the police.
            hotline.navigate(base + "/staff/cases/" + caseA);
            hotline.locator("summary:has-text('Toestemming van het slachtoffer vastleggen en delen')")
                    .click();
            hotline.selectOption("#sh-org", police.id().toString());
            hotline.check("#sh-part-NARRATIVE");
            hotline.selectOption("#sh-how", "PHONE");
            hotline.check("#sh-confirm");
            submit(hotline, hotline.locator("button:has-text('Toestemming vastleggen en delen')"));
            assertThat(hotline.locator("main")).containsText("De toestemming is vastgelegd");

            // She comes back on her phone: the message, the active notification, and the share she agreed to.
            Page victim = comeBack(dutchVictim, base, dutchReceipt, false);
            assertThat(victim.locator(".messages")).containsText(STAFF_MESSAGE);
            assertThat(victim.locator(".notify__active")).containsText("s•••@example.org");
            Locator staffShare = victim.locator(".consent--staff");
            assertThat(staffShare).containsText("Politie Eenheid Test");
            assertThat(staffShare).containsText("wat je vertelde en wat de hulpverlener opschreef");
            assertThat(staffShare).containsText("aan de telefoon");
            checked(victim);
            shot(victim, "request-shares-notify-360-nl");
            shot(victim.locator("#notify"), "request-notify-360-nl-section");
            shot(victim.locator(".consent--staff").first(), "request-staff-share-360-nl-item");
            victim.fill("#message", "Dank je. Kan iemand me bellen na school?");
            submit(victim, victim.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")));
            assertThat(victim.getByRole(AriaRole.STATUS)).containsText("Je bericht is verstuurd");

            // The staff inbox and the count in the navigation, for a case no longer in triage.
            until(
                    "the reply reaches the case",
                    () -> count(jdbc, "SELECT count(*) FROM cases.case_file WHERE reply_unread") == 1);
            hotline.navigate(base + "/staff/cases");
            assertThat(hotline.locator(".staff-nav .inbox-count")).hasText("1");
            assertThat(hotline.locator(".staff-nav .inbox-link")).containsText("1 dossiers met een ongelezen bericht");
            submit(hotline, hotline.locator(".staff-nav .inbox-link"));
            checked(hotline);
            String reference = jdbc.sql("SELECT reference FROM cases.case_file WHERE id = :id::uuid")
                    .param("id", caseA)
                    .query(String.class)
                    .single();
            assertThat(hotline.locator("table.inbox")).containsText(reference);
            assertThat(hotline.locator("table.inbox")).containsText("In behandeling");
            shot(hotline, "inbox-desktop-nl");
            submit(hotline, hotline.locator("table.inbox a:has-text('" + reference + "')"));
            assertThat(hotline.locator(".messages")).containsText("Kan iemand me bellen na school?");
            assertThat(hotline.locator(".staff-nav .inbox-count")).hasCount(0);
            hotline.navigate(base + "/staff/cases/inbox");
            assertThat(hotline.locator("main")).containsText("Geen ongelezen berichten.");

            // She withdraws the share the professional made; the case shows it.
            victim.navigate(base + "/opvolgen/verzoek");
            submit(victim, victim.locator(".consent--staff").getByRole(AriaRole.BUTTON));
            assertThat(victim.getByRole(AriaRole.STATUS)).containsText("Je toestemming is ingetrokken");
            assertThat(victim.locator(".consent--staff")).hasCount(0);
            hotline.navigate(base + "/staff/cases/" + caseA);
            assertThat(hotline.locator("main")).containsText("ingetrokken op");

            // She removes her address: the next reply sends nothing.
            submit(
                    victim,
                    victim.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Geen seintjes meer, adres weghalen")));
            assertThat(victim.getByRole(AriaRole.STATUS)).containsText("Je e-mailadres is weggehaald");
            checked(victim);
            shot(victim, "request-notify-removed-360-nl");
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_address"))
                    .isZero();
            hotline.fill("#m-message", "Ja, we bellen je morgen na drie uur.");
            submit(hotline, hotline.locator("button:has-text('Bericht versturen')"));
            assertThat(hotline.locator("main"))
                    .containsText("Het bericht is verstuurd. Het slachtoffer ziet het met de bewaarcode.");
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_outbox"))
                    .isZero();

            // The English victim, on a desktop without JavaScript.
            String englishReceipt = englishVictimSaves(base);
            String caseB = caseOf(jdbc, 2);
            BrowserContext englishContext = desktop("en-GB", true);
            Page english = comeBack(englishContext, base, englishReceipt, true);
            english.locator("#notifyEmail").fill("not an address");
            submit(
                    english,
                    english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a notification")));
            assertThat(english.getByRole(AriaRole.ALERT)).containsText("This is not an e-mail address");
            assertThat(english.locator("#notifyEmail")).hasValue("not an address");
            checked(english);
            english.locator("#notifyEmail").fill("alex.test@example.net");
            submit(
                    english,
                    english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a notification")));
            assertThat(english.getByRole(AriaRole.STATUS)).containsText("From now on you get a notification");
            assertThat(english.locator(".notify__active")).containsText("a•••@example.net");

            // The professional shares with the police (consent in the chat) and writes.
            hotline.navigate(base + "/staff/cases/" + caseB);
            assertThat(hotline.locator(".victim-account")).containsText("Beelden offline halen");
            assertThat(hotline.locator(".victim-account")).containsText("Niets geschreven");
            hotline.locator("summary:has-text('Toestemming van het slachtoffer vastleggen en delen')")
                    .click();
            hotline.selectOption("#sh-org", police.id().toString());
            hotline.check("#sh-part-CODING");
            hotline.selectOption("#sh-how", "CHAT");
            hotline.check("#sh-confirm");
            submit(hotline, hotline.locator("button:has-text('Toestemming vastleggen en delen')"));
            hotline.fill("#m-message", "Hello Alex, we can help to get the images removed.");
            submit(hotline, hotline.locator("button:has-text('Bericht versturen')"));
            until("the English notification arrives", () -> mails().size() == 2);
            MimeMessage second2 = mails().get(1);
            assertThat(((InternetAddress) second2.getAllRecipients()[0]).getAddress())
                    .isEqualTo("alex.test@example.net");
            assertNeutral(second2, "en", "Hello Alex", englishReceipt);

            english.navigate(base + "/follow-up/request");
            assertThat(english.locator(".messages")).containsText("we can help to get the images removed");
            Locator englishShare = english.locator(".consent--staff");
            assertThat(englishShare).containsText("Politie Eenheid Test");
            assertThat(englishShare).containsText("what happened, in set terms");
            assertThat(englishShare).containsText("in the chat");
            checked(english);
            shot(english, "request-shares-notify-desktop-en");
            shot(english.locator("#notify"), "request-notify-desktop-en-section");
            shot(english.locator("ul.shares").last(), "request-shares-desktop-en-list");
            submit(english, english.locator(".consent--staff").getByRole(AriaRole.BUTTON));
            assertThat(english.getByRole(AriaRole.STATUS)).containsText("Your consent was withdrawn");

            // Deleting the request deletes the address (and anything still waiting for it).
            UUID requestB = jdbc.sql("SELECT help_request_id FROM cases.case_file WHERE id = :id::uuid")
                    .param("id", caseB)
                    .query(UUID.class)
                    .single();
            assertThat(jdbc.sql("SELECT count(*) FROM intake.notification_address WHERE help_request_id = :id")
                            .param("id", requestB)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            english.locator("input[name=confirm]").check();
            submit(
                    english,
                    english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete everything")));
            assertThat(english.locator("main")).containsText("Your receipt code no longer works");
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_address"))
                    .isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM intake.notification_outbox"))
                    .isZero();
            englishContext.close();

            // The staff pages in English on a phone.
            BrowserContext staffPhone = phone("en-GB");
            Page phoneStaff = staffPhone.newPage();
            StaffAccountsForTests.logIn(phoneStaff, base, hotlineUser);
            phoneStaff.navigate(base + "/staff/cases/" + caseA + "?lang=en");
            checked(phoneStaff);
            assertThat(phoneStaff.locator(".victim-account")).containsText("What the victim told (through the portal)");
            assertThat(phoneStaff.locator(".victim-account")).containsText(OWN_WORDS);
            shot(phoneStaff, "case-victim-account-360-en");
            phoneStaff.navigate(base + "/staff/cases/inbox");
            checked(phoneStaff);
            assertThat(phoneStaff.locator("main")).containsText("No unread messages.");
            shot(phoneStaff, "inbox-360-en");
            phoneStaff.navigate(base + "/staff/referrals/new?case=" + caseA);
            checked(phoneStaff);
            assertThat(phoneStaff.locator("input[name=parts]:checked")).hasCount(0);
            staffPhone.close();
            staffDesktop.close();
        }
        dutchVictim.close();
    }
}
