package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.ApiClientManagement;
import nl.vangnet.identity.ApiScope;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.pdq.Pdq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A victim blocks an image end to end: the image is hashed in Chromium on the device, only the
 * hash is sent, a platform's upload then matches through the API, and withdrawing the consent
 * stops the match.
 */
@VangnetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageBlockingBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiClientManagement clients;

    @Autowired
    StaffManagement staff;

    BrowserSupport support;

    @BeforeAll
    void start() {
        support = new BrowserSupport();
    }

    @AfterAll
    void stop() {
        support.close();
    }

    private int matchesFor(Http http, String key, String pdq) {
        HttpResponse<String> response = http.post(
                "/api/v1/match", "application/json", "{\"hashes\":[\"" + pdq + "\"]}", Map.of("X-Api-Key", key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .get("results")
                .get(0)
                .get("matches")
                .size();
    }

    private void waitForMatches(Http http, String key, String pdq, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (matchesFor(http, key, pdq) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(matchesFor(http, key, pdq)).isEqualTo(expected);
    }

    @Test
    void aVictimHashesAnImageOnTheirDeviceAndAPlatformUploadThenMatches() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> created = http.postJson("/api/v1/help-requests", """
                {"happened":["shared"],"imagesOnline":"yes","ageBand":"16-17","needs":["remove-images"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String receipt = JSON.readTree(created.body()).get("receipt").asString();
        String key = clients.create(
                        "test",
                        "Platform",
                        staff.createOrganisation("test", "Platform " + System.nanoTime(), OrganisationKind.OTHER)
                                .id(),
                        EnumSet.of(ApiScope.MATCH),
                        1000)
                .key();
        Path image = PdqVectors.root().resolve("images/dih/bridge-1-original.jpg");
        String javaHash = Pdq.hasher().hash(image).hash().toHex();
        assertThat(matchesFor(http, key, javaHash)).isZero();

        try (BrowserContext context =
                support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            List<Request> posts = new CopyOnWriteArrayList<>();
            page.onRequest(r -> {
                if (r.method().equals("POST")) {
                    posts.add(r);
                }
            });
            page.navigate("http://localhost:" + port + "/opvolgen");
            page.locator("input[name=receipt]").fill(receipt);
            page.locator("form button[type=submit]").first().click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beelden blokkeren"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Beelden laten blokkeren");
            BrowserSupport.assertAccessible(page);

            // Submitting without images or consent names both problems and keeps the page.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vingerafdrukken versturen"))
                    .click();
            assertThat(page.locator(".problems")).containsText("toestemming");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Kies foto's").setInputFiles(image);
            assertThat(page.locator(".image-result figcaption")).containsText("Vingerafdruk gemaakt");
            assertThat(page.locator(".image-result img"))
                    .hasAttribute("src", java.util.regex.Pattern.compile("^blob:"));
            String browserHash = page.locator(".image-result").getAttribute("data-pdq");
            assertThat(browserHash).isEqualTo(javaHash);
            BrowserSupport.assertAccessible(page);
            page.getByLabel("18 of ouder").check();
            page.getByLabel("Ik geef toestemming").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vingerafdrukken versturen"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("vingerafdrukken zijn verstuurd");

            // Only hashes travelled: no upload, no image bytes in any request.
            Request sent = posts.stream()
                    .filter(r -> r.url().endsWith("/opvolgen/beelden"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(sent.headerValue("content-type")).startsWith("application/x-www-form-urlencoded");
            assertThat(sent.postData()).contains(javaHash).hasSizeLessThan(1000);

            waitForMatches(http, key, javaHash, 1);

            // Withdrawing the consent takes the hash out of the bank.
            page.locator("li.consent", new Page.LocatorOptions().setHasText("Vingerafdrukken van je beelden"))
                    .getByRole(AriaRole.BUTTON)
                    .click();
            waitForMatches(http, key, javaHash, 0);
        }
    }
}
