package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.audit.AuditEntry;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case workspace over real HTTP on PostgreSQL: portal requests become cases in the receiving
 * hotline's queue, coding is confirmed or corrected with every problem listed, messages reach the
 * victim's receipt page and back, police see only what was shared (and must give a reason),
 * others get 404, concurrent edits do not overwrite, and every read and write is audited.
 */
@VangnetIntegrationTest
class CasesIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    IntakeManagement intake;

    @Autowired
    OrganisationLinks links;

    @Autowired
    CaseFiles files;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    CaseTeam team;

    @BeforeEach
    void prepare() {
        team = CaseTeam.of(staff, "Test", "").receivesPortalRequests(links);
    }

    StaffClient as(String member) {
        return team.login(port, member);
    }

    CaseId portalCase(String contact, String... shareWith) {
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, contact, shareWith);
        return CaseFixtures.eventually(() -> files.byHelpRequest(submission.id().value()))
                .id();
    }

    static int version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a version field").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aPortalRequestBecomesANewCaseAtTheTopOfTheReceivingHotlinesQueueWithTheSuggestedCoding() {
        CaseId id = portalCase("Bel me na 16 uur op 06 12345678");
        StaffClient hanna = as("hanna");
        HttpResponse<String> queue = hanna.get("/staff/cases");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body())
                .contains("Triage", "dreiging loopt", "minderjarig", "SXT-FIN", "Financiële afpersing met beeld");
        HttpResponse<String> page = hanna.get("/staff/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Voorstel van het portaal, nog niet bevestigd", "Bel me na 16 uur op 06 12345678")
                .contains("Nieuw");
        // Another hotline, the police without a share and an administrator cannot tell the case exists.
        assertThat(as("otto").get("/staff/cases/" + id).statusCode()).isEqualTo(404);
        assertThat(as("piet").get("/staff/cases/" + id).statusCode()).isEqualTo(404);
        assertThat(as("beheer").get("/staff/cases/" + id).statusCode()).isEqualTo(404);
        assertThat(as("otto").get("/staff/cases").body()).doesNotContain(reference(id));
    }

    String reference(CaseId id) {
        return jdbc.sql("SELECT reference FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }

    @Test
    void policeSeeOnlyWhatTheVictimSharedAndMustGiveAReasonThatIsAudited() {
        CaseId id = portalCase("", "politie");
        StaffClient piet = as("piet");
        assertThat(piet.get("/staff/cases").body()).contains(reference(id));
        HttpResponse<String> first = piet.get("/staff/cases/" + id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Waarom open je dit dossier?").doesNotContain("SXT-FIN");
        HttpResponse<String> tooShort = piet.post("/staff/cases/" + id + "/reason", "reason", "ok");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        HttpResponse<String> given =
                piet.post("/staff/cases/" + id + "/reason", "reason", "Aangifte voorbereiden, zaak 2026-17");
        assertThat(given.statusCode()).isEqualTo(302);
        HttpResponse<String> page = piet.get("/staff/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        // The portal share covers the summary and the coding only: no messages, contact or notes.
        assertThat(page.body())
                .contains("SXT-FIN", "Dit deel is niet met jouw organisatie gedeeld.")
                .doesNotContain("Interne notities", "Bericht versturen");
        List<AuditEntry> entries = audit.about("case", id.toString());
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("piet");
            assertThat(e.action()).isEqualTo("CASE_VIEWED");
            assertThat(e.reason()).isEqualTo("Aangifte voorbereiden, zaak 2026-17");
        });
        // The owner sees who looked, and why.
        HttpResponse<String> views = as("hanna").get("/staff/cases/" + id + "/views");
        assertThat(views.statusCode()).isEqualTo(200);
        assertThat(views.body()).contains("piet", "Aangifte voorbereiden, zaak 2026-17");
        // ...but the police may not see that list.
        assertThat(piet.get("/staff/cases/" + id + "/views").statusCode()).isEqualTo(404);
    }

    @Test
    void theOwnerFollowsTheCasePagesLinkToSeeWhoViewedTheCaseInDutchOrEnglish() {
        CaseId id = portalCase("");
        String views = "/staff/cases/" + id + "/views";
        StaffClient henk = as("henk");
        assertThat(henk.get("/staff/cases/" + id).body())
                .contains("href=\"" + views + "\"", "Wie bekeek en wijzigde dit dossier");
        HttpResponse<String> dutch = henk.get(views);
        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.body())
                .contains("Wie bekeek en wijzigde " + reference(id), "Wanneer", "Reden")
                .contains("henk", "bekeken", "dossier geopend");

        StaffClient english = team.login(port, "hanna", "en");
        assertThat(english.get("/staff/cases/" + id).body())
                .contains("href=\"" + views + "\"", "Who viewed and changed this case");
        HttpResponse<String> page = english.get(views);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Who viewed and changed " + reference(id), "When", "Reason")
                .contains("henk", "hanna", "viewed", "case opened")
                .doesNotContain("??");
        // Looking at the list is itself recorded, so nobody can look unseen.
        assertThat(audit.about("case", id.toString()))
                .anySatisfy(e -> assertThat(e.actor() + ":" + e.detail()).isEqualTo("hanna:view=trail"));
        // Staff of an organisation the case is not shared with cannot open the list.
        assertThat(as("otto").get(views).statusCode()).isEqualTo(404);
    }

    @Test
    void confirmingAndCorrectingCodingKeepsTheSuggestionAndShowsAgreement() {
        CaseId id = portalCase("");
        StaffClient hanna = as("hanna");
        hanna.get("/staff/cases/" + id);
        String incident = jdbc.sql("SELECT id FROM cases.incident WHERE case_id = :id AND seq = 1")
                .param("id", id.value())
                .query(UUID.class)
                .single()
                .toString();
        HttpResponse<String> form = hanna.get("/staff/cases/" + id + "/incidents/" + incident);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Voorstel van het portaal", "verplicht");

        // An invalid coding: every problem is listed and nothing is saved.
        HttpResponse<String> invalid = hanna.post(
                "/staff/cases/" + id + "/incidents/" + incident,
                "code",
                "SXT-FIN",
                "version",
                String.valueOf(version(form.body())),
                "dim.demand",
                "relationship",
                "dim.reach",
                "nowhere");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("past niet bij deze vorm")
                .contains("de waarde nowhere bestaat niet")
                .contains("is verplicht bij deze vorm");
        assertThat(jdbc.sql("SELECT confirmed_at IS NULL FROM cases.incident WHERE id = :id")
                        .param("id", UUID.fromString(incident))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // Corrected to another code: the suggestion stays next to it.
        HttpResponse<String> corrected = hanna.post(
                "/staff/cases/" + id + "/incidents/" + incident,
                "code",
                "SXT-SEX",
                "version",
                String.valueOf(version(form.body())),
                "dim.victimAgeAtIncident",
                "16-17",
                "dim.motive",
                "sexual",
                "dim.demand",
                "more-images",
                "dim.imagery",
                "real-consensual",
                "dim.reach",
                "not-shared",
                "occurredMonth",
                "2026-02");
        assertThat(corrected.statusCode()).isEqualTo(302);
        assertThat(hanna.get("/staff/cases/" + id).body()).contains("Verbeterd; het portaal stelde SXT-FIN voor.");
        assertThat(jdbc.sql("SELECT suggested_code || '>' || code FROM cases.incident WHERE id = :id")
                        .param("id", UUID.fromString(incident))
                        .query(String.class)
                        .single())
                .isEqualTo("SXT-FIN>SXT-SEX");

        HttpResponse<String> quality = hanna.get("/staff/cases/quality");
        assertThat(quality.statusCode()).isEqualTo(200);
        assertThat(quality.body()).contains("Codering: voorstel en definitief", "SXT-FIN");
    }

    @Test
    void theHotlineMessagesTheVictimWhoAnswersThroughTheReceipt() {
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "");
        CaseId id = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id();
        StaffClient hanna = as("hanna");
        hanna.get("/staff/cases/" + id);
        HttpResponse<String> sent =
                hanna.post("/staff/cases/" + id + "/messages", "message", "Hoi, ik ben van de hulplijn. Betaal niet.");
        assertThat(sent.statusCode()).isEqualTo(302);
        IntakeManagement.FollowUp followUp = intake.followUp(submission.id()).orElseThrow();
        assertThat(followUp.messages())
                .anySatisfy(m -> assertThat(m.text()).isEqualTo("Hoi, ik ben van de hulplijn. Betaal niet."));
        assertThat(followUp.messages().getFirst().authorLabel()).isEqualTo("Test Hulplijn");

        intake.reply(submission.id(), "Dank je, wat moet ik nu doen?");
        CaseFixtures.until(() -> jdbc.sql("SELECT reply_unread FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .single());
        assertThat(hanna.get("/staff/cases").body()).contains("nieuw bericht");
        HttpResponse<String> page = hanna.get("/staff/cases/" + id);
        assertThat(page.body()).contains("Dank je, wat moet ik nu doen?");
        // An empty message is refused with the reason, and nothing is sent.
        HttpResponse<String> empty = hanna.post("/staff/cases/" + id + "/messages", "message", "  ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Schrijf een bericht.");
    }

    @Test
    void concurrentEditsDoNotOverwriteEachOther() {
        CaseId id = portalCase("");
        StaffClient hanna = as("hanna");
        StaffClient henk = as("henk");
        int seen = version(hanna.get("/staff/cases/" + id).body());
        henk.get("/staff/cases/" + id);
        HttpResponse<String> first =
                henk.post("/staff/cases/" + id + "/status", "version", String.valueOf(seen), "status", "TRIAGED");
        assertThat(first.statusCode()).isEqualTo(302);
        hanna.get("/staff/cases/" + id + "/views");
        HttpResponse<String> second = hanna.post(
                "/staff/cases/" + id + "/status",
                "version",
                String.valueOf(seen),
                "status",
                "CLOSED",
                "closingReason",
                "DUPLICATE");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Iemand anders heeft dit dossier intussen gewijzigd");
        assertThat(jdbc.sql("SELECT status FROM cases.case_file WHERE id = :id")
                        .param("id", id.value())
                        .query(String.class)
                        .single())
                .isEqualTo("TRIAGED");
    }

    @Test
    void staffOpenACaseByPhoneAndItsTextIsStoredEncrypted() {
        StaffClient hanna = as("hanna");
        hanna.get("/staff/cases/new");
        HttpResponse<String> created = hanna.post(
                "/staff/cases",
                "channel",
                "PHONE",
                "minor",
                "true",
                "ageBand",
                "12-15",
                "narrative",
                "Beller vertelt over een nepprofiel met haar foto",
                "contact",
                "Alleen na schooltijd bellen");
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        CaseId id = CaseId.parse(location.replaceAll(".*/staff/cases/([0-9a-f-]+).*", "$1"))
                .orElseThrow();
        HttpResponse<String> page = hanna.get(location.replaceAll("^https?://[^/]+", ""));
        assertThat(page.body())
                .contains("Beller vertelt over een nepprofiel met haar foto", "telefoon", "Het dossier is geopend.");
        byte[] stored = jdbc.sql("SELECT narrative_encrypted FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("nepprofiel");

        // Notes and tasks: written, encrypted, shown to the own organisation.
        hanna.post("/staff/cases/" + id + "/notes", "note", "Terugbellen over aangifte");
        hanna.get("/staff/cases/" + id);
        hanna.post("/staff/cases/" + id + "/tasks", "title", "Ouders informeren?", "dueOn", "2030-01-10");
        HttpResponse<String> after = hanna.get("/staff/cases/" + id);
        assertThat(after.body()).contains("Terugbellen over aangifte", "Ouders informeren?");
        assertThat(jdbc.sql("SELECT count(*) FROM cases.note WHERE case_id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Invalid input: every problem at once.
        HttpResponse<String> bad =
                hanna.post("/staff/cases", "channel", "TELEPATHY", "ageBand", "ancient", "narrative", "x".repeat(9000));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Kies hoe het slachtoffer binnenkwam.", "Kies een leeftijd", "te lang");

        // Police and researchers cannot open cases.
        assertThat(as("piet").get("/staff/cases/new").statusCode()).isEqualTo(404);
    }

    @Test
    void aRecordedConsentSharesTheChosenPartsAndWithdrawingItEndsTheShare() {
        CaseId id = portalCase("");
        StaffClient hanna = as("hanna");
        hanna.get("/staff/cases/" + id);
        HttpResponse<String> shared = hanna.post(
                "/staff/cases/" + id + "/consents",
                List.of(
                        java.util.Map.entry("organisation", team.care.id().toString()),
                        java.util.Map.entry("parts", "CODING"),
                        java.util.Map.entry("parts", "MESSAGES"),
                        java.util.Map.entry("how", "PHONE"),
                        java.util.Map.entry("confirm", "yes")));
        assertThat(shared.statusCode()).isEqualTo(302);
        StaffClient carla = as("carla");
        HttpResponse<String> seen = carla.get("/staff/cases/" + id);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("SXT-FIN", "Berichten met het slachtoffer");
        assertThat(carla.get("/staff/cases/search").body()).contains(reference(id));

        UUID consent = jdbc.sql("SELECT id FROM cases.consent WHERE case_id = :id AND withdrawn_at IS NULL")
                .param("id", id.value())
                .query(UUID.class)
                .single();
        hanna.get("/staff/cases/" + id);
        assertThat(hanna.post("/staff/cases/" + id + "/consents/" + consent + "/withdraw")
                        .statusCode())
                .isEqualTo(302);
        assertThat(carla.get("/staff/cases/" + id).statusCode()).isEqualTo(404);

        // A share without the confirmation that the victim agreed is refused.
        hanna.get("/staff/cases/" + id);
        HttpResponse<String> unconfirmed = hanna.post(
                "/staff/cases/" + id + "/consents",
                "organisation",
                team.care.id().toString(),
                "how",
                "PHONE");
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Bevestig dat het slachtoffer toestemming gaf.");
    }

    @Test
    void deletingTheHelpRequestErasesTheVictimsDataFromTheCase() {
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "06 11111111", "politie");
        CaseId id = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id();
        StaffClient hanna = as("hanna");
        hanna.get("/staff/cases/" + id);
        hanna.post("/staff/cases/" + id + "/notes", "note", "Notitie die weg moet");
        intake.delete(submission.id());
        CaseFixtures.until(() -> jdbc.sql("SELECT data_key IS NULL FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .single());
        assertThat(jdbc.sql("SELECT status || ':' || closing_reason FROM cases.case_file WHERE id = :id")
                        .param("id", id.value())
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED:DELETED_BY_VICTIM");
        for (String table : List.of("cases.incident", "cases.note", "cases.task")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = :id")
                            .param("id", id.value())
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(as("piet").get("/staff/cases/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> tombstone = hanna.get("/staff/cases/" + id);
        assertThat(tombstone.body()).contains("Het slachtoffer heeft zijn of haar gegevens laten verwijderen");
    }

    @Test
    void everyReadAndWriteIsInTheAuditTrailAndTheChainStaysIntact() {
        CaseId id = portalCase("");
        StaffClient hanna = as("hanna");
        long before = audit.about("case", id.toString()).size();
        hanna.get("/staff/cases/" + id);
        hanna.post("/staff/cases/" + id + "/notes", "note", "Een notitie");
        List<AuditEntry> entries = audit.about("case", id.toString());
        assertThat(entries.size()).isEqualTo(before + 2);
        assertThat(entries.stream().map(AuditEntry::action)).contains("CASE_VIEWED", "CASE_NOTE_ADDED", "CASE_OPENED");
        assertThat(entries.stream().map(AuditEntry::detail)).noneMatch(d -> d.contains("Een notitie"));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(Optional.of(hanna.get("/staff/cases/not-a-uuid").statusCode()))
                .contains(404);
    }
}
