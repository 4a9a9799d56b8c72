package nl.vangnet.shared;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.Http;
import nl.vangnet.TestDatabase;
import nl.vangnet.VangnetApplication;
import nl.vangnet.web.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Overload shows as a polite "busy", never as an error or a lost answer: while every turn is
 * taken, the API answers 503 problem+json with Retry-After and saves nothing; a form sent from a
 * page comes back as a calm page in the visitor's language that holds what was typed and sends it
 * again with one button; static files are still served. One turn and a short wait keep the test
 * deterministic: the test itself occupies the turn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackPressureIT {

    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9 ]+)\"");
    private static final String REQUEST = """
            {"language":"nl","happeningNow":"ongoing","happened":["threatened"],"demand":["money"],\
            "imagesOnline":"unsure","ageBand":"16-17","otherPerson":"online-only-contact",\
            "needs":["stop-threats"],"askProfessional":false,"contact":"","shareWith":[],"passphrase":""}""";

    private ConfigurableApplicationContext app;
    private BrowserSupport support;
    private Http http;
    private WorkAdmission admission;
    private JdbcClient jdbc;

    @BeforeAll
    void start() throws Exception {
        TestDatabase.Server server = TestDatabase.server();
        Path dataDir = Files.createTempDirectory("vangnet-back-pressure");
        app = SpringApplication.run(
                VangnetApplication.class,
                "--spring.datasource.url=" + TestDatabase.newDatabase(),
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--vangnet.data-dir=" + dataDir,
                "--vangnet.load.max-concurrent=1",
                "--vangnet.load.max-wait=PT0.3S",
                "--server.port=0",
                "--management.server.port=0",
                "--server.shutdown=immediate",
                "--spring.main.banner-mode=off");
        http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        admission = (WorkAdmission)
                app.getBean("workAdmission", FilterRegistrationBean.class).getFilter();
        jdbc = app.getBean(JdbcClient.class);
        support = new BrowserSupport();
    }

    @AfterAll
    void stop() {
        support.close();
        app.close();
    }

    private long savedRequests() {
        return jdbc.sql("SELECT count(*) FROM intake.help_request")
                .query(Long.class)
                .single();
    }

    @Test
    void theApiAnswersBusyWithRetryAfterAndSavesNothing() throws Exception {
        long before = savedRequests();
        admission.turns.acquire();
        try {
            HttpResponse<String> nl =
                    http.post("/api/v1/help-requests", "application/json", REQUEST, Map.of("Accept-Language", "nl"));
            assertThat(nl.statusCode()).isEqualTo(503);
            assertThat(nl.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(nl.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(nl.body()).contains("urn:vangnet:problem:busy", "niets half opgeslagen");
            assertThat(nl.body()).doesNotContain("Exception", "Hikari", "at nl.");

            HttpResponse<String> en =
                    http.post("/api/v1/help-requests", "application/json", REQUEST, Map.of("Accept-Language", "en"));
            assertThat(en.statusCode()).isEqualTo(503);
            assertThat(en.body()).contains("nothing was half-saved");

            HttpResponse<String> css = http.get("/css/vangnet.css");
            assertThat(css.statusCode()).as("static files are not held up").isEqualTo(200);
        } finally {
            admission.turns.release();
        }
        assertThat(savedRequests()).as("a busy answer saved nothing").isEqualTo(before);

        HttpResponse<String> later = http.postJson("/api/v1/help-requests", REQUEST);
        assertThat(later.statusCode()).as("the same request a moment later").isEqualTo(201);
        assertThat(savedRequests()).isEqualTo(before + 1);
    }

    @Test
    void aFormSentWhileBusyComesBackWithWhatWasTypedAndGoesThroughWhenSentAgain() throws Exception {
        HttpResponse<String> saved = http.postJson("/api/v1/help-requests", REQUEST);
        Matcher m = RECEIPT.matcher(saved.body());
        assertThat(m.find()).isTrue();
        String receipt = m.group(1);

        for (String[] language : new String[][] {
            {"nl-NL", "/opvolgen", "Het is nu erg druk", "Opnieuw versturen", "/opvolgen/verzoek"},
            {"en-GB", "/follow-up", "It is very busy right now", "Send again", "/follow-up/request"}
        }) {
            for (boolean javaScript : new boolean[] {true, false}) {
                BrowserContext context = support.browser()
                        .newContext(new Browser.NewContextOptions()
                                .setLocale(language[0])
                                .setJavaScriptEnabled(javaScript));
                Page page = context.newPage();
                page.navigate(http.base() + language[1]);
                page.locator("#receipt").fill(receipt);
                admission.turns.acquire();
                Response busy;
                try {
                    busy = page.waitForResponse(
                            r -> r.request().method().equals("POST"),
                            () -> page.locator("main form button[type=submit]").click());
                    assertThat(busy.status()).isEqualTo(503);
                    assertThat(busy.headers()).containsEntry("retry-after", "60");
                    assertThat(busy.headers().get("cache-control")).contains("no-store");
                    assertThat(busy.headers()).containsKey("content-security-policy");
                    assertThat(page.locator("h1")).hasText(language[2]);
                    assertThat(page.locator("input[type=hidden][name=receipt]")).hasValue(receipt);
                    assertThat(page.locator("a.quick-exit")).isVisible();
                    if (javaScript) { // axe runs as a script
                        BrowserSupport.assertAccessible(page);
                    }
                } finally {
                    admission.turns.release();
                }
                page.getByText(language[3]).click();
                page.waitForURL(http.base() + language[4]);
                context.close();
            }
        }
    }
}
