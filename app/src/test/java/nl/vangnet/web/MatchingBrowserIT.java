package nl.vangnet.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@VangnetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingBrowserIT {

    @LocalServerPort
    int port;

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

    @Test
    void hotlineStaffAddAndWithdrawTakedownHashesInDutchAndEnglish() {
        String base = "http://localhost:" + port;
        String username = StaffAccountsForTests.create(staff, OrganisationKind.HOTLINE, Role.HOTLINE);
        try (BrowserContext context =
                support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"))) {
            Page page = context.newPage();
            StaffAccountsForTests.logIn(page, base, username);
            // The menu and the start page both link to it.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hashbanken"))
                    .first()
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Hashbanken");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Hashes").fill("abc,90\nniet goed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen"))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("2");
            assertThat(page.getByLabel("Hashes")).hasValue("abc,90\nniet goed");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Hashes").fill("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,90");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 hashes toegevoegd");
            String reference = page.locator("table")
                    .last()
                    .locator("tbody tr code")
                    .first()
                    .textContent();

            page.getByLabel("Referentie").fill(reference);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Intrekken"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("ingetrokken");

            page.navigate(base + "/staff/matching?lang=en");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Hash banks");
            BrowserSupport.assertAccessible(page);
        }
    }

    @Test
    void policeStaffCannotOpenTheHashBanks() {
        String base = "http://localhost:" + port;
        String username = StaffAccountsForTests.create(staff, OrganisationKind.POLICE, Role.POLICE);
        try (BrowserContext context = support.browser().newContext()) {
            Page page = context.newPage();
            StaffAccountsForTests.logIn(page, base, username);
            com.microsoft.playwright.Response response = page.navigate(base + "/staff/matching");
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        }
    }
}
