package nl.vangnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.cases.CaseFixtures;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole journey in Chromium (the staff pages have no scripts; axe-core itself needs
 * JavaScript, so it stays on): a hotline worker triages a
 * new portal request, confirms its coding, writes to the victim; the victim answers with the
 * receipt; the case is referred to a care organisation with consent and accepted there; a police
 * user cannot find the case until the victim shares it with the police on the receipt page, and
 * then must give a reason. axe-core finds no WCAG 2.2 AA violation on any staff page on the way.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.referral.check-every=PT18M")
class CasesBrowserIT {

    static BrowserSupport support;

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        support = new BrowserSupport();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    BrowserContext staffContext() {
        return support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
    }

    Page logIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/staff/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(CaseFixtures.PASSWORD);
        submit(page, page.locator("button[type=submit]"));
        return page;
    }

    /** Clicks something that loads a new page and waits until that page has loaded. */
    static void submit(Page page, com.microsoft.playwright.Locator target) {
        page.waitForNavigation(target::click);
        page.waitForLoadState();
    }

    /** Opens a staff page, checks it loaded and is accessible. */
    static Page visit(Page page, String url) {
        Response response = page.navigate(url);
        assertThat(response.status()).as(url).isEqualTo(200);
        BrowserSupport.assertAccessible(page);
        return page;
    }

    @Test
    void aPortalRequestIsTriagedCodedAnsweredReferredAndSharedWithThePoliceOnlyWithConsent() {
        Organisation hotline = CaseFixtures.organisation(staff, "Browser Hulplijn", OrganisationKind.HOTLINE);
        Organisation care = CaseFixtures.organisation(staff, "Browser Zorg", OrganisationKind.CARE);
        Organisation police = CaseFixtures.organisation(staff, "Browser Politie", OrganisationKind.POLICE);
        Organisation admin = CaseFixtures.organisation(staff, "Browser Beheer", OrganisationKind.ADMINISTRATION);
        CaseFixtures.account(staff, "bw-hulplijn", hotline, Role.HOTLINE);
        CaseFixtures.account(staff, "bw-zorg", care, Role.CARE);
        CaseFixtures.account(staff, "bw-politie", police, Role.POLICE);
        CaseFixtures.account(staff, "bw-beheer", admin, Role.ADMIN);

        // An administrator links the organisations to the help directory (accessible admin page).
        BrowserContext adminContext = staffContext();
        Page beheer = logIn(adminContext, "bw-beheer");
        visit(beheer, url("/staff/cases/admin/organisations"));
        for (Object[] link :
                List.of(new Object[] {hotline, "helpwanted", true}, new Object[] {care, "csg", false}, new Object[] {
                    police, "politie", false
                })) {
            Organisation o = (Organisation) link[0];
            beheer.selectOption("#slug-" + o.id(), (String) link[1]);
            if ((Boolean) link[2]) {
                beheer.check("#portal-" + o.id());
            }
            submit(beheer, beheer.locator("form:has(#slug-" + o.id() + ") button"));
            assertThat(beheer.content()).contains("De koppeling is opgeslagen.");
        }
        visit(beheer, url("/staff/cases/admin/retention"));
        adminContext.close();

        // The victim saves a help request asking for a professional (through the facade the portal uses).
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "Liever chatten");
        String caseId = CaseFixtures.eventually(
                () -> jdbc.sql("SELECT id::text FROM cases.case_file WHERE help_request_id = :id")
                        .param("id", submission.id().value())
                        .query(String.class)
                        .optional());
        String reference = jdbc.sql("SELECT reference FROM cases.case_file WHERE id = :id::uuid")
                .param("id", caseId)
                .query(String.class)
                .single();

        // The police cannot find it.
        BrowserContext policeContext = staffContext();
        Page politie = logIn(policeContext, "bw-politie");
        visit(politie, url("/staff/cases"));
        assertThat(politie.content()).doesNotContain(reference);
        assertThat(politie.navigate(url("/staff/cases/" + caseId)).status()).isEqualTo(404);

        // The hotline triages, confirms the coding and writes to the victim.
        BrowserContext hotlineContext = staffContext();
        Page hulplijn = logIn(hotlineContext, "bw-hulplijn");
        visit(hulplijn, url("/staff/cases"));
        assertThat(hulplijn.content()).contains(reference, "dreiging loopt");
        submit(hulplijn, hulplijn.locator("a:has-text('" + reference + "')"));
        BrowserSupport.assertAccessible(hulplijn);
        hulplijn.selectOption("#st-status", "TRIAGED");
        submit(hulplijn, hulplijn.locator("form:has(#st-status) button"));
        assertThat(hulplijn.content()).contains("De status is gewijzigd.");
        BrowserSupport.assertAccessible(hulplijn);

        submit(hulplijn, hulplijn.locator("a:has-text('Codering bevestigen of verbeteren')"));
        BrowserSupport.assertAccessible(hulplijn);
        assertThat(hulplijn.content()).contains("Voorstel van het portaal");
        for (String[] value : List.of(
                new String[] {"victimAgeAtIncident", "16-17"},
                new String[] {"motive", "financial"},
                new String[] {"imagery", "real-consensual"},
                new String[] {"reach", "not-shared"})) {
            hulplijn.selectOption("#dim-" + value[0], value[1]);
        }
        hulplijn.check("#dim-demand-money");
        hulplijn.fill("#c-month", "2026-10");
        submit(hulplijn, hulplijn.locator("button:has-text('Codering bevestigen')"));
        assertThat(hulplijn.content()).contains("De codering is opgeslagen.", "Voorstel van het portaal bevestigd.");

        hulplijn.fill("#m-message", "Hoi, je bent niet de enige. Betaal niet en blokkeer de afzender.");
        submit(hulplijn, hulplijn.locator("button:has-text('Bericht versturen')"));
        assertThat(hulplijn.content()).contains("Het bericht is verstuurd.");
        visit(hulplijn, url("/staff/cases/quality"));
        assertThat(hulplijn.content()).contains("100%");
        visit(hulplijn, url("/staff/cases/search?code=SXT-FIN"));
        assertThat(hulplijn.content()).contains(reference);
        visit(hulplijn, url("/staff/cases/new"));
        visit(hulplijn, url("/staff/cases/import"));
        visit(hulplijn, url("/staff/cases/" + caseId + "/views"));

        // The victim answers through the receipt (the public portal, with JavaScript).
        BrowserContext victimContext = support.browser().newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page victim = victimContext.newPage();
        victim.navigate(url("/opvolgen"));
        victim.locator("#receipt").fill(submission.receipt());
        submit(victim, victim.locator("form button[type=submit]"));
        assertThat(victim.content()).contains("Hoi, je bent niet de enige.");
        victim.fill("#message", "Dank je. Ik wil wel met iemand praten.");
        submit(victim, victim.locator("form:has(#message) button"));
        assertThat(victim.content()).contains("Je bericht is verstuurd.");

        CaseFixtures.until(() -> {
            hulplijn.navigate(url("/staff/cases/" + caseId));
            return hulplijn.content().contains("Ik wil wel met iemand praten.");
        });

        // Referred to care, with the victim's consent and a hand-over note.
        submit(hulplijn, hulplijn.locator("a:has-text('Doorverwijzen')"));
        BrowserSupport.assertAccessible(hulplijn);
        hulplijn.selectOption("#rf-destination", "csg");
        hulplijn.check("#rf-part-MESSAGES");
        hulplijn.uncheck("#rf-part-CONTACT");
        hulplijn.selectOption("#rf-how", "MESSAGE");
        hulplijn.check("#rf-confirm");
        hulplijn.fill("#rf-handover", "Wil praten over wat er gebeurde; bereikbaar via de berichten.");
        submit(hulplijn, hulplijn.locator("button:has-text('Doorverwijzen')"));
        assertThat(hulplijn.content()).contains("De doorverwijzing is verstuurd");
        BrowserSupport.assertAccessible(hulplijn);
        visit(hulplijn, url("/staff/referrals"));

        BrowserContext careContext = staffContext();
        Page zorg = logIn(careContext, "bw-zorg");
        visit(zorg, url("/staff/referrals"));
        submit(zorg, zorg.locator("a:has-text('" + reference + "')"));
        BrowserSupport.assertAccessible(zorg);
        submit(zorg, zorg.locator("button:has-text('Accepteren')"));
        assertThat(zorg.content()).contains("Je hebt de doorverwijzing geaccepteerd.");
        BrowserSupport.assertAccessible(zorg);
        visit(zorg, url("/staff/cases/" + caseId));
        assertThat(zorg.content()).contains("Ik wil wel met iemand praten.").doesNotContain("Liever chatten");

        // Still nothing for the police, until the victim shares the request with them.
        visit(politie, url("/staff/cases"));
        assertThat(politie.content()).doesNotContain(reference);
        victim.navigate(url("/opvolgen/verzoek"));
        victim.selectOption("#share-organisation", "politie");
        submit(victim, victim.locator("form:has(#share-organisation) button"));
        assertThat(victim.content()).contains("Je verzoek is gedeeld.");
        CaseFixtures.until(() -> {
            politie.navigate(url("/staff/cases"));
            return politie.content().contains(reference);
        });
        BrowserSupport.assertAccessible(politie);
        submit(politie, politie.locator("a:has-text('" + reference + "')"));
        assertThat(politie.content()).contains("Waarom open je dit dossier?");
        BrowserSupport.assertAccessible(politie);
        politie.fill("#r-reason", "Slachtoffer wil aangifte doen; intake voorbereiden");
        submit(politie, politie.locator("button:has-text('Dossier openen')"));
        assertThat(politie.content()).contains("SXT-FIN").doesNotContain("Ik wil wel met iemand praten.");
        BrowserSupport.assertAccessible(politie);
        submit(politie, politie.locator("a:has-text('Samenvatting voor een aangifte')"));
        BrowserSupport.assertAccessible(politie);

        // The hotline sees who looked, and why.
        visit(hulplijn, url("/staff/cases/" + caseId + "/views"));
        assertThat(hulplijn.content()).contains("bw-politie", "Slachtoffer wil aangifte doen");

        // English works too.
        visit(hulplijn, url("/staff/cases?lang=en"));
        assertThat(hulplijn.content()).contains("Waiting for triage");
        Matcher m = Pattern.compile("Dossier|Case").matcher(hulplijn.content());
        assertThat(m.find()).isTrue();

        victimContext.close();
        careContext.close();
        hotlineContext.close();
        policeContext.close();
    }
}
