package nl.vangnet.survey;

import static nl.vangnet.survey.FormClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The respondent and researcher flows over real HTTP against PostgreSQL, including every kind of bad input. */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.demo=true")
class SurveyIT {

    @LocalServerPort
    int port;

    @Autowired
    CampaignManagement management;

    @Autowired
    nl.vangnet.audit.AuditTrail audit;

    @Autowired
    Exports exports;

    @Autowired
    Instruments instruments;

    @Autowired
    JdbcClient jdbc;

    String base;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
    }

    FormClient dutch() {
        return new FormClient(base, "nl-NL");
    }

    FormClient english() {
        return new FormClient(base, "en");
    }

    /** Consents as a 16+ respondent and fills in the help-seeking questionnaire; returns the send page response. */
    static HttpResponse<String> fillHelpSeeking(FormClient client, String token, int experience, String nameOfAge) {
        return fillHelpSeeking(client, token, experience, nameOfAge, "Meer uitleg op school, zoals bij mij");
    }

    static HttpResponse<String> fillHelpSeeking(
            FormClient client, String token, int experience, String nameOfAge, String whatWouldHelp) {
        client.get("/vragenlijst/" + token);
        HttpResponse<String> page =
                client.post("/vragenlijst/" + token + "/start", fields("age", "16plus", "consent", "yes"));
        List<Map.Entry<String, String>> intention = new ArrayList<>(fields("action", "next"));
        String[] sources = {"friends", "parents", "school", "hotline", "csg", "police", "victimsupport", "platform"};
        for (int i = 0; i < sources.length; i++) {
            intention.add(Map.entry("a_hs_int_" + sources[i], String.valueOf(1 + (i % 7))));
        }
        intention.add(Map.entry("a_hs_int_nobody", "2"));
        page = client.post("/vragenlijst/" + token + "/page", intention);
        page = client.post(
                "/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_exp", String.valueOf(experience)));
        if (experience == 1 || experience == 2) {
            page = client.post(
                    "/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_act", "1", "a_hs_act", "4"));
            page = client.post(
                    "/vragenlijst/" + token + "/page",
                    fields("action", "next", "a_hs_helpful", "4", "a_hs_easier", whatWouldHelp));
        }
        page = client.post(
                "/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_age", nameOfAge, "a_hs_gender", "1"));
        return page;
    }

    @Test
    void aRespondentFillsInHelpSeekingAndSkipLogicLeavesOutTheHelpPagesWhenNothingHappened() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "School A klas 4B", false);
        FormClient client = dutch();
        HttpResponse<String> consent = client.get("/vragenlijst/" + token);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body())
                .contains(
                        "Hulp zoeken bij online seksueel geweld", "Testinstituut", "020-261 52 75", "0800-0188", "112")
                .doesNotContain("School A klas 4B");
        client.post("/vragenlijst/" + token + "/start", fields("age", "16plus", "consent", "yes"));
        client.post("/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_int_friends", "6"));
        HttpResponse<String> afterExperience =
                client.post("/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_exp", "3"));
        assertThat(afterExperience.body()).contains("Over jou").doesNotContain("Hulp die je zocht");
        // A sensitive item was just answered, so support is offered on the next page.
        assertThat(afterExperience.body()).contains("Wil je met iemand praten?");
        HttpResponse<String> send =
                client.post("/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_age", "17"));
        assertThat(send.body()).contains("Klaar om te versturen", "Je hebt 3 vragen beantwoord");
        HttpResponse<String> done = client.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Bedankt voor het meedoen", "020-261 52 75");

        String csv = exports.responsesCsv(
                campaign, Codebook.of(instruments.byKey("help-seeking/1").orElseThrow()));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        Map<String, String> row = row(lines.get(0), lines.get(1));
        assertThat(row)
                .containsEntry("hs_exp", "3")
                .containsEntry("hs_act_1", "-8")
                .containsEntry("hs_helpful", "-8")
                .containsEntry("hs_int_friends", "6")
                .containsEntry("hs_int_parents", "-9")
                .containsEntry("hs_age", "17")
                // One response from one class: the class and the age group are suppressed (k = 5).
                .containsEntry("age_group", "-7")
                .containsEntry("link_label", "-7");
    }

    static Map<String, String> row(String header, String line) {
        String[] names = header.split(",");
        List<String> cells = parseCsvLine(line);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], cells.get(i));
        }
        return row;
    }

    static List<String> parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void invalidAnswersAreRefusedWithAMessageInTheRespondentsLanguage() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 3", false);
        for (FormClient client : List.of(dutch(), english())) {
            client.get("/vragenlijst/" + token);
            client.post("/vragenlijst/" + token + "/start", fields("age", "16plus", "consent", "yes"));
            HttpResponse<String> bad =
                    client.post("/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_int_friends", "99"));
            assertThat(bad.statusCode()).isEqualTo(422);
            client.post("/vragenlijst/" + token + "/page", fields("action", "next"));
            client.post("/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_exp", "1"));
            HttpResponse<String> mixed = client.post(
                    "/vragenlijst/" + token + "/page", fields("action", "next", "a_hs_act", "2", "a_hs_act", "9"));
            assertThat(mixed.statusCode()).isEqualTo(422);
            if (client.lastBody().contains("<html lang=\"nl\"")) {
                assertThat(bad.body()).contains("Kies een van de antwoorden die er staan.");
                assertThat(mixed.body()).contains("Je koos &#39;niemand&#39; en ook andere antwoorden");
            } else {
                assertThat(bad.body()).contains("Choose one of the answers shown.");
                assertThat(mixed.body()).contains("You chose &#39;nobody&#39; and other answers too");
            }
        }
        Campaign bn = SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String t2 = SurveyFixtures.link(management, bn, "Klas 5", false);
        FormClient client = english();
        HttpResponse<String> send = fillHelpSeeking(client, t2, 3, "not a number");
        assertThat(send.statusCode()).isEqualTo(422);
        assertThat(send.body()).contains("Fill in a whole number from 10 to 99.");
    }

    @Test
    void aTamperedLinkTokenGetsAClearPageInBothLanguages() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        HttpResponse<String> nl = dutch().get("/vragenlijst/" + tampered);
        assertThat(nl.statusCode()).isEqualTo(404);
        assertThat(nl.body())
                .contains("Deze link werkt niet", "<html lang=\"nl\"", "href=\"/exit\"", "data-quick-exit");
        HttpResponse<String> en = english().get("/vragenlijst/" + tampered + "?lang=en");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("This link does not work", "<html lang=\"en\"");
        assertThat(dutch().get("/vragenlijst/kort").statusCode()).isEqualTo(404);
    }

    @Test
    void aTamperedOrForeignStateIsRefusedAndNothingIsStored() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        String other = SurveyFixtures.link(management, campaign, "Klas 2", false);
        FormClient client = dutch();
        client.get("/vragenlijst/" + token);
        client.post("/vragenlijst/" + token + "/start", fields("age", "16plus", "consent", "yes"));
        String state = FormClient.hidden(client.lastBody()).get("state");
        String csrf = FormClient.hidden(client.lastBody()).get("_csrf");
        String flipped = state.substring(0, 20) + (state.charAt(20) == 'a' ? 'b' : 'a') + state.substring(21);
        HttpResponse<String> tampered = client.post(
                "/vragenlijst/" + token + "/page", fields("state", flipped, "_csrf", csrf, "action", "next"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("We konden je antwoorden niet lezen");
        HttpResponse<String> foreign =
                client.post("/vragenlijst/" + other + "/page", fields("state", state, "_csrf", csrf, "action", "next"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(count(campaign)).isZero();
    }

    @Test
    void sendingTheSameAnswersTwiceStoresThemOnce() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        FormClient client = english();
        fillHelpSeeking(client, token, 1, "16");
        String sendPage = client.lastBody();
        assertThat(client.post("/vragenlijst/" + token + "/page", fields("action", "send"))
                        .statusCode())
                .isEqualTo(200);
        // The browser's back button and a second press of Send.
        Map<String, String> form = FormClient.hidden(sendPage);
        HttpResponse<String> again = client.post(
                "/vragenlijst/" + token + "/page",
                fields("state", form.get("state"), "_csrf", form.get("_csrf"), "action", "send"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("These answers were already sent");
        assertThat(count(campaign)).isEqualTo(1);
    }

    @Test
    void aSingleUseLinkTakesOneResponseAndARevokedLinkNone() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Leerling", true);
        FormClient first = dutch();
        FormClient second = dutch();
        fillHelpSeeking(first, token, 3, "18");
        fillHelpSeeking(second, token, 3, "18");
        assertThat(first.post("/vragenlijst/" + token + "/page", fields("action", "send"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> late = second.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Deze link is al gebruikt");
        assertThat(dutch().get("/vragenlijst/" + token).statusCode()).isEqualTo(410);
        assertThat(count(campaign)).isEqualTo(1);

        List<CampaignManagement.NewLink> shared = management.generateLinks(campaign, "Klas 9", 1, false);
        management.revoke(campaign, shared.get(0).link().id());
        assertThat(dutch().get("/vragenlijst/" + shared.get(0).token()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClosedCampaignTakesNoMoreAnswersEvenFromAnOpenPage() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        FormClient client = english();
        fillHelpSeeking(client, token, 3, "20");
        management.close(campaign.id());
        HttpResponse<String> send = client.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        assertThat(send.statusCode()).isEqualTo(410);
        assertThat(send.body()).contains("This questionnaire is closed");
        assertThat(count(campaign)).isZero();
    }

    @Test
    void respondentsUnder16FollowTheCampaignsParentalConsentSetting() {
        Campaign excluded =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String t1 = SurveyFixtures.link(management, excluded, "Klas 1", false);
        FormClient young = dutch();
        young.get("/vragenlijst/" + t1);
        HttpResponse<String> stopped =
                young.post("/vragenlijst/" + t1 + "/start", fields("age", "under16", "consent", "yes"));
        assertThat(stopped.body()).contains("Deze vragenlijst is voor mensen van 16 jaar en ouder");
        assertThat(stopped.body()).doesNotContain("name=\"state\"");

        Campaign consented =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.PARENTS_CONSENTED, false);
        String t2 = SurveyFixtures.link(management, consented, "Klas 2", false);
        FormClient child = english();
        child.get("/vragenlijst/" + t2);
        HttpResponse<String> missing =
                child.post("/vragenlijst/" + t2 + "/start", fields("age", "under16", "consent", "yes"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("You can only take part if your parent or carer gave permission");
        HttpResponse<String> allowed = child.post(
                "/vragenlijst/" + t2 + "/start", fields("age", "under16", "consent", "yes", "parents", "yes"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("name=\"state\"");
        HttpResponse<String> noConsent = child.post("/vragenlijst/" + t2 + "/start", fields("age", "16plus"));
        assertThat(noConsent.statusCode()).isEqualTo(422);
        assertThat(noConsent.body()).contains("Tick the box if you want to take part.");
    }

    @Test
    void stoppingDeletesEverythingBecauseNothingWasStored() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        FormClient client = dutch();
        fillHelpSeeking(client, token, 1, "17");
        HttpResponse<String> stop = client.post("/vragenlijst/" + token + "/page", fields("action", "stop"));
        assertThat(stop.body()).contains("Je antwoorden zijn gewist", "0800-0188");
        assertThat(count(campaign)).isZero();
    }

    @Test
    void interviewContactsAreEncryptedAndCannotBeJoinedToAnswers() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, true);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        for (int i = 0; i < 3; i++) {
            FormClient client = dutch();
            fillHelpSeeking(client, token, 1, "19");
            HttpResponse<String> done = client.post("/vragenlijst/" + token + "/page", fields("action", "send"));
            assertThat(done.body()).contains("Wil je meedoen aan een interview?");
            HttpResponse<String> bad = client.post(
                    "/vragenlijst/" + token + "/interview",
                    fields("name", "Sam", "reachBy", "EMAIL", "details", "geen-adres", "agree", "yes"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("Dit e-mailadres klopt niet.");
            Map<String, String> form = FormClient.hidden(client.lastBody());
            HttpResponse<String> ok = client.post(
                    "/vragenlijst/" + token + "/interview",
                    fields(
                            "name",
                            "Sam " + i,
                            "reachBy",
                            "EMAIL",
                            "details",
                            "sam" + i + "@example.org",
                            "agree",
                            "yes"));
            assertThat(ok.body()).contains("We hebben je gegevens ontvangen");
            HttpResponse<String> twice = client.post(
                    "/vragenlijst/" + token + "/interview",
                    fields(
                            "ticket",
                            form.get("ticket"),
                            "_csrf",
                            form.get("_csrf"),
                            "name",
                            "Sam " + i,
                            "reachBy",
                            "EMAIL",
                            "details",
                            "sam" + i + "@example.org",
                            "agree",
                            "yes"));
            assertThat(twice.statusCode()).isEqualTo(409);
        }

        // The contact table has no timestamp and no column it shares with responses but the campaign.
        List<Map<String, Object>> contactColumns = columns("interview_contact");
        assertThat(contactColumns)
                .extracting(c -> (String) c.get("column_name"))
                .containsExactlyInAnyOrder("id", "campaign_id", "ticket_hash", "sealed");
        assertThat(contactColumns)
                .extracting(c -> (String) c.get("data_type"))
                .noneMatch(type -> type.contains("time") || type.contains("date"));
        Set<String> responseColumns = new HashSet<>();
        columns("response").forEach(c -> responseColumns.add((String) c.get("column_name")));
        Set<String> shared = new HashSet<>(responseColumns);
        shared.retainAll(Set.of("id", "ticket_hash", "sealed"));
        assertThat(shared).containsExactly("id");
        // Responses carry only the day; nothing finer to line up with anything.
        assertThat(columns("response"))
                .extracting(c -> (String) c.get("data_type"))
                .noneMatch(type -> type.contains("timestamp") || type.contains("time "));

        // No value of the contact table appears anywhere in the response table.
        List<UUID> contactIds = jdbc.sql("SELECT id FROM survey.interview_contact")
                .query(UUID.class)
                .list();
        List<byte[]> tickets = jdbc.sql("SELECT ticket_hash FROM survey.interview_contact")
                .query(byte[].class)
                .list();
        assertThat(contactIds).hasSize(3);
        for (UUID id : contactIds) {
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM survey.response r
                            WHERE r.id = :id OR r.link_id = :id OR r.campaign_id = :id
                               OR r.answers::text LIKE '%' || CAST(:id AS text) || '%'
                            """).param("id", id).query(Integer.class).single())
                    .isZero();
        }
        for (byte[] ticket : tickets) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE submission_hash = :t")
                            .param("t", ticket)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
        // Contact details are not in clear anywhere in the table.
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM survey.interview_contact WHERE encode(sealed, 'escape') LIKE '%example.org%'")
                        .query(Integer.class)
                        .single())
                .isZero();

        management.close(campaign.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.interview_contact WHERE campaign_id = :c")
                        .param("c", campaign.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(count(campaign)).isEqualTo(3);
    }

    @Test
    void theHourlySweepClosesEndedCampaignsAndDeletesTheirContacts() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, true);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        FormClient client = dutch();
        fillHelpSeeking(client, token, 3, "19");
        client.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        client.post(
                "/vragenlijst/" + token + "/interview",
                fields("name", "Kim", "reachBy", "PHONE", "details", "06 1234 5678", "agree", "yes"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.interview_contact WHERE campaign_id = :c")
                        .param("c", campaign.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        jdbc.sql("UPDATE survey.campaign SET opens_on = opens_on - 40, closes_on = CURRENT_DATE - 2 WHERE id = :c")
                .param("c", campaign.id().value())
                .update();
        management.closeEnded();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.interview_contact WHERE campaign_id = :c")
                        .param("c", campaign.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT closed_on IS NOT NULL FROM survey.campaign WHERE id = :c")
                        .param("c", campaign.id().value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void freeTextIsEncryptedAtRestAndTheExportMatchesTheCodebook() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Klas 1", false);
        for (int experience : new int[] {1, 3, 4}) {
            FormClient client = dutch();
            fillHelpSeeking(client, token, experience, "21");
            client.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        }
        // Someone types their phone number into an open answer: it does not leave in the export.
        FormClient typed = dutch();
        fillHelpSeeking(typed, token, 1, "22", "Iemand om mee te praten, bel me op 06 12345678");
        typed.post("/vragenlijst/" + token + "/page", fields("action", "send"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE answers::text LIKE '%uitleg%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        Codebook codebook = Codebook.of(instruments.byKey("help-seeking/1").orElseThrow());
        String csv = exports.responsesCsv(campaign, codebook);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(csv)
                .contains("Iemand om mee te praten, bel me op [REMOVED:phone]")
                .doesNotContain("12345678");
        assertThat(exports.redactions(campaign, codebook)).isEqualTo(1);
        assertThat(List.of(lines.get(0).split(","))).isEqualTo(codebook.columnNames());
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = row(lines.get(0), line);
            for (Codebook.Variable v : codebook.variables()) {
                assertThat(v.accepts(row.get(v.name())))
                        .as(v.name() + "=" + row.get(v.name()))
                        .isTrue();
            }
        }
        assertThat(csv).contains("Meer uitleg op school");
        assertThat(Exports.codebookCsv(codebook)).contains("[REMOVED:phone]", "Contact detail removed from the answer");
    }

    @Test
    void researchPagesNeedTheResearcherOrAdminRole() {
        FormClient hotline = dutch();
        hotline.logIn("demo-hotline", "demo-demo-hotline-wachtwoord");
        assertThat(hotline.get("/staff/research").statusCode()).isEqualTo(403);
        FormClient researcher = dutch();
        researcher.logIn("demo-onderzoek", "demo-demo-onderzoek-wachtwoord");
        assertThat(researcher.get("/staff/research").statusCode()).isEqualTo(200);
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        HttpResponse<String> csv = researcher.get("/staff/research/campaigns/" + campaign.id() + "/responses.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("responses.csv"));
        assertThat(audit.about("survey-campaign", campaign.id().toString()))
                .extracting(nl.vangnet.audit.AuditEntry::actor, nl.vangnet.audit.AuditEntry::action)
                .contains(org.assertj.core.api.Assertions.tuple("demo-onderzoek", "SURVEY_RESPONSES_EXPORTED"));
        assertThat(researcher
                        .get("/staff/research/campaigns/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(dutch().get("/staff/research").statusCode()).isEqualTo(302);
    }

    private int count(Campaign campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE campaign_id = :c")
                .param("c", campaign.id().value())
                .query(Integer.class)
                .single();
    }

    private List<Map<String, Object>> columns(String table) {
        return jdbc.sql("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'survey' AND table_name = :t
                """).param("t", table).query().listOfRows();
    }
}
