package nl.vangnet.referral;

import static nl.vangnet.cases.CaseFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.audit.AuditEntry;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.cases.CaseFixtures;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.MovableClockConfiguration;
import nl.vangnet.cases.StaffClient;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closed-loop referrals over HTTP on PostgreSQL: a hotline refers a portal case to a care
 * organisation with consent and a hand-over note; care sees exactly the consented parts, accepts,
 * records first contact and the outcome; a stalled step gets one reminder when the clock moves;
 * declining or withdrawing consent ends the share; organisations outside Vangnet are tracked by the
 * sender; a step taken on a stale version is refused (409) on the page and the API; everyone else
 * gets 404.
 */
@VangnetIntegrationTest
@Import(MovableClockConfiguration.class)
class ReferralIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    IntakeManagement intake;

    @Autowired
    ReferralManagement referrals;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static boolean prepared;
    static Organisation care;

    @BeforeEach
    void prepare() {
        if (prepared) {
            return;
        }
        Organisation hotline = CaseFixtures.organisation(staff, "Verwijs Hulplijn", OrganisationKind.HOTLINE);
        care = CaseFixtures.organisation(staff, "Verwijs Zorg", OrganisationKind.CARE);
        Organisation police = CaseFixtures.organisation(staff, "Verwijs Politie", OrganisationKind.POLICE);
        CaseFixtures.account(staff, "vhanna", hotline, Role.HOTLINE);
        CaseFixtures.account(staff, "vcarla", care, Role.CARE);
        CaseFixtures.account(staff, "vpiet", police, Role.POLICE);
        StaffClient admin = adminClient();
        link(admin, hotline, "helpwanted", true);
        link(admin, care, "csg", false);
        link(admin, police, "politie", false);
        prepared = true;
    }

    StaffClient adminClient() {
        Organisation beheer = CaseFixtures.organisation(staff, "Verwijs Beheer", OrganisationKind.ADMINISTRATION);
        CaseFixtures.account(staff, "vbeheer", beheer, Role.ADMIN);
        StaffClient admin = StaffClient.loggedIn(port, "vbeheer", PASSWORD);
        admin.get("/staff/cases/admin/organisations");
        return admin;
    }

    static void link(StaffClient admin, Organisation organisation, String slug, boolean portal) {
        HttpResponse<String> saved = admin.post(
                "/staff/cases/admin/organisations",
                "organisation",
                organisation.id().toString(),
                "slug",
                slug,
                "portal",
                String.valueOf(portal));
        assertThat(saved.statusCode()).isEqualTo(302);
        admin.get("/staff/cases/admin/organisations");
    }

    StaffClient as(String username) {
        return StaffClient.loggedIn(port, username, PASSWORD);
    }

    CaseId portalCase() {
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "Alleen via chat");
        return new CaseId(
                CaseFixtures.eventually(() -> jdbc.sql("SELECT id FROM cases.case_file WHERE help_request_id = :id")
                        .param("id", submission.id().value())
                        .query(UUID.class)
                        .optional()));
    }

    static String referralId(HttpResponse<String> sent) {
        String location = sent.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/staff/referrals/([0-9a-f-]{36})").matcher(location);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static int version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    HttpResponse<String> refer(StaffClient client, CaseId id, String destination, String... parts) {
        client.get("/staff/referrals/new?case=" + id);
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(
                Map.entry("case", id.toString()),
                Map.entry("destination", destination),
                Map.entry("how", "PHONE"),
                Map.entry("confirm", "yes"),
                Map.entry("handover", "Slachtoffer wil graag een vrouwelijke hulpverlener, bellen na 16 uur.")));
        for (String p : parts) {
            fields.add(Map.entry("parts", p));
        }
        return client.post("/staff/referrals", fields);
    }

    HttpResponse<String> step(StaffClient client, String referral, String status) {
        HttpResponse<String> page = client.get("/staff/referrals/" + referral);
        return client.post(
                "/staff/referrals/" + referral + "/step",
                "version",
                String.valueOf(version(page.body())),
                "status",
                status);
    }

    @Test
    void aCaseIsReferredToCareWithConsentAndTheLoopIsClosedThere() {
        CaseId id = portalCase();
        StaffClient hanna = as("vhanna");
        HttpResponse<String> sent = refer(hanna, id, "csg", "CODING", "NARRATIVE");
        assertThat(sent.statusCode()).isEqualTo(302);
        String referral = referralId(sent);
        assertThat(hanna.get("/staff/cases/" + id).body()).contains("Doorverwezen", "csg", "verstuurd");

        StaffClient carla = as("vcarla");
        HttpResponse<String> incoming = carla.get("/staff/referrals");
        assertThat(incoming.body()).contains("Naar jouw organisatie", "verstuurd");
        HttpResponse<String> detail = carla.get("/staff/referrals/" + referral);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Slachtoffer wil graag een vrouwelijke hulpverlener", "Accepteren");
        // Care sees the consented parts of the case, and not the contact details or messages.
        HttpResponse<String> casePage = carla.get("/staff/cases/" + id);
        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body()).contains("SXT-FIN").doesNotContain("Alleen via chat", "Bericht versturen");

        assertThat(step(carla, referral, "ACCEPTED").statusCode()).isEqualTo(302);
        assertThat(step(carla, referral, "CONTACT_MADE").statusCode()).isEqualTo(302);
        assertThat(step(carla, referral, "DONE").statusCode()).isEqualTo(302);
        assertThat(carla.get("/staff/referrals/" + referral).body()).contains("afgerond");
        assertThat(jdbc.sql("SELECT string_agg(status, '>' ORDER BY at, id) FROM referral.step WHERE referral_id = :id")
                        .param("id", UUID.fromString(referral))
                        .query(String.class)
                        .single())
                .isEqualTo("SENT>ACCEPTED>CONTACT_MADE>DONE");
        List<AuditEntry> trail = audit.about("case", id.toString());
        assertThat(trail.stream().map(AuditEntry::action))
                .contains("REFERRAL_SENT", "REFERRAL_VIEWED", "REFERRAL_STATUS_CHANGED", "CASE_SHARED");

        // The sender cannot take the receiver's steps, and the police see nothing.
        assertThat(as("vpiet").get("/staff/referrals/" + referral).statusCode()).isEqualTo(404);
        assertThat(as("vpiet").get("/staff/cases/" + id).statusCode()).isEqualTo(404);
    }

    String referralStatus(String referral) {
        return jdbc.sql("SELECT status FROM referral.referral WHERE id = :id")
                .param("id", UUID.fromString(referral))
                .query(String.class)
                .single();
    }

    static HttpResponse<String> apiStep(StaffClient client, String referral, String json) {
        Matcher token = Pattern.compile("\"csrfToken\":\"([^\"]+)\"")
                .matcher(client.send(client.request("/api/v1/cases/session")
                                .header("Accept", "application/json")
                                .GET()
                                .build())
                        .body());
        assertThat(token.find()).isTrue();
        return client.send(client.request("/api/v1/referrals/" + referral + "/status")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token.group(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Test
    void aStepTakenOnAStaleVersionIsRefusedOnThePageAndOnTheApiAndNothingIsOverwritten() {
        CaseId id = portalCase();
        String referral = referralId(refer(as("vhanna"), id, "csg", "CODING"));
        StaffClient carla = as("vcarla");
        int seen = version(carla.get("/staff/referrals/" + referral).body());
        // A colleague (here: another tab) accepts first.
        assertThat(step(carla, referral, "ACCEPTED").statusCode()).isEqualTo(302);

        HttpResponse<String> page = carla.post(
                "/staff/referrals/" + referral + "/step", "version", String.valueOf(seen), "status", "DECLINED");
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Iemand anders heeft deze doorverwijzing intussen bijgewerkt");
        assertThat(referralStatus(referral)).isEqualTo("ACCEPTED");

        String stale = "{\"version\":" + seen + ",\"status\":\"CONTACT_MADE\"}";
        HttpResponse<String> dutch = apiStep(carla, referral, stale);
        assertThat(dutch.statusCode()).isEqualTo(409);
        assertThat(dutch.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(dutch.body())
                .contains("urn:vangnet:problem:case-changed", "Iemand anders heeft dit intussen gewijzigd");
        StaffClient english = new StaffClient(port, "en");
        english.logIn("vcarla", PASSWORD);
        HttpResponse<String> inEnglish = apiStep(english, referral, stale);
        assertThat(inEnglish.statusCode()).isEqualTo(409);
        assertThat(inEnglish.body()).contains("Someone else changed this in the meantime");
        assertThat(referralStatus(referral)).isEqualTo("ACCEPTED");

        // With the version read now, the step goes through.
        int current = version(carla.get("/staff/referrals/" + referral).body());
        assertThat(apiStep(carla, referral, "{\"version\":" + current + ",\"status\":\"CONTACT_MADE\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(referralStatus(referral)).isEqualTo("CONTACT_MADE");
    }

    @Test
    void theReferralApiShowsAReferralToItsSenderAndReceiverOnlyAnd404ToOthers() {
        CaseId id = portalCase();
        String referral = referralId(refer(as("vhanna"), id, "csg", "CODING"));
        for (String username : List.of("vhanna", "vcarla", "vpiet")) {
            boolean party = !username.equals("vpiet");
            StaffClient client = as(username);
            HttpResponse<String> one = client.send(client.request("/api/v1/referrals/" + referral)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
            assertThat(one.statusCode()).as(username).isEqualTo(party ? 200 : 404);
            if (party) {
                assertThat(one.body()).contains("\"status\":\"SENT\"", "vrouwelijke hulpverlener");
            } else {
                assertThat(one.body()).contains("urn:vangnet:problem:not-found").doesNotContain(id.toString());
            }
            HttpResponse<String> list = client.send(client.request("/api/v1/referrals")
                    .header("Accept", "application/json")
                    .GET()
                    .build());
            assertThat(list.statusCode()).as(username).isEqualTo(200);
            assertThat(list.body().contains(referral)).as(username).isEqualTo(party);
        }
        assertThat(apiStep(as("vpiet"), referral, "{\"version\":0,\"status\":\"ACCEPTED\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(referralStatus(referral)).isEqualTo("SENT");
    }

    @Test
    void theVictimsErasureStillErasesAReferralThatAnotherTransactionStopsAtTheSameMoment() throws Exception {
        CaseId id = portalCase();
        String referral = referralId(refer(as("vhanna"), id, "csg", "CODING"));
        // The erasure also ends the consent, whose listener stops the referral at the same moment:
        // here an uncommitted transaction holds the referral stopped while the erasure reaches it.
        CompletableFuture<Void> erasure = transactions.execute(status -> {
            jdbc.sql("UPDATE referral.referral SET status = 'CANCELLED', closed_at = now(), version = version + 1"
                            + " WHERE id = :id")
                    .param("id", UUID.fromString(referral))
                    .update();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> referrals.caseErased(id, false));
            CaseFixtures.until(() -> running.isDone()
                    // pg_locks is read live; pg_stat_activity would stay as first read in this transaction.
                    || jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")
                                    .query(Integer.class)
                                    .single()
                            > 0);
            return running;
        });
        erasure.get(15, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT status || ':' || (handover_encrypted IS NULL AND data_key IS NULL)::text"
                                + " FROM referral.referral WHERE id = :id")
                        .param("id", UUID.fromString(referral))
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED:true");
    }

    @Test
    void aStalledStepGetsOneReminderWhenTheClockMoves() {
        CaseId id = portalCase();
        StaffClient hanna = as("vhanna");
        String referral = referralId(refer(hanna, id, "csg", "CODING"));
        assertThat(referrals.remindStalled()).isZero();
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(referrals.remindStalled()).isEqualTo(1);
        assertThat(referrals.remindStalled()).isZero();
        assertThat(hanna.get("/staff/referrals").body()).contains("loopt vast");
        assertThat(audit.about("case", id.toString()).stream().map(AuditEntry::action))
                .contains("REFERRAL_REMINDED");
        // Accepting starts the next step's deadline; stalling there gives a new reminder.
        StaffClient carla = as("vcarla");
        step(carla, referral, "ACCEPTED");
        assertThat(carla.get("/staff/referrals/" + referral).body()).doesNotContain("loopt vast");
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(referrals.remindStalled()).isEqualTo(1);
    }

    @Test
    void decliningEndsTheShareAndWithdrawingConsentStopsTheReferral() {
        CaseId id = portalCase();
        StaffClient hanna = as("vhanna");
        String declined = referralId(refer(hanna, id, "csg", "CODING"));
        StaffClient carla = as("vcarla");
        assertThat(carla.get("/staff/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(step(carla, declined, "DECLINED").statusCode()).isEqualTo(302);
        assertThat(carla.get("/staff/cases/" + id).statusCode()).isEqualTo(404);

        String second = referralId(refer(hanna, id, "csg", "CODING"));
        UUID consent = jdbc.sql("SELECT consent_id FROM referral.referral WHERE id = :id")
                .param("id", UUID.fromString(second))
                .query(UUID.class)
                .single();
        hanna.get("/staff/cases/" + id);
        assertThat(hanna.post("/staff/cases/" + id + "/consents/" + consent + "/withdraw")
                        .statusCode())
                .isEqualTo(302);
        CaseFixtures.until(() -> "CANCELLED"
                .equals(jdbc.sql("SELECT status FROM referral.referral WHERE id = :id")
                        .param("id", UUID.fromString(second))
                        .query(String.class)
                        .single()));
        assertThat(carla.get("/staff/cases/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theSenderTracksAReferralToAnOrganisationOutsideVangnet() {
        CaseId id = portalCase();
        StaffClient hanna = as("vhanna");
        String referral = referralId(refer(hanna, id, "slachtofferhulp", "CODING"));
        assertThat(jdbc.sql("SELECT count(*) FROM cases.consent WHERE case_id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single())
                .isZero();
        HttpResponse<String> page = hanna.get("/staff/referrals/" + referral);
        assertThat(page.body()).contains("buiten Vangnet", "Accepteren");
        assertThat(step(hanna, referral, "ACCEPTED").statusCode()).isEqualTo(302);
        assertThat(step(hanna, referral, "NOT_REACHED").statusCode()).isEqualTo(302);
        assertThat(hanna.get("/staff/referrals/" + referral).body()).contains("niet bereikt");
    }

    @Test
    void badInputIsReportedInFullAndNothingIsSent() {
        CaseId id = portalCase();
        StaffClient hanna = as("vhanna");
        hanna.get("/staff/referrals/new?case=" + id);
        HttpResponse<String> bad = hanna.post(
                "/staff/referrals", "case", id.toString(), "destination", "nergens", "how", "", "handover", " ");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains(
                        "Kies een organisatie uit de lijst.",
                        "Kies hoe het slachtoffer toestemming gaf.",
                        "Bevestig dat het slachtoffer de doorverwijzing wil",
                        "Schrijf een overdracht voor de ontvanger.");
        assertThat(jdbc.sql("SELECT count(*) FROM referral.referral WHERE case_id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single())
                .isZero();
        // Care cannot refer a case it does not own, and cannot open the form.
        assertThat(as("vcarla").get("/staff/referrals/new?case=" + id).statusCode())
                .isEqualTo(404);
    }
}
