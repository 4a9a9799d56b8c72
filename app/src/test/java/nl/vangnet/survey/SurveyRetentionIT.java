package nl.vangnet.survey;

import static nl.vangnet.survey.FormClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Answer retention, deleting campaigns and small-group suppression in the exports, over real HTTP
 * against PostgreSQL, with a clock the test moves.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.demo=true")
class SurveyRetentionIT {

    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CampaignManagement management;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Responses responses;

    @Autowired
    InterviewContacts contacts;

    @Autowired
    Exports exports;

    @Autowired
    Instruments instruments;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    nl.vangnet.audit.AuditTrail audit;

    String base;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
    }

    FormClient researcher(String language) {
        FormClient client = new FormClient(base, language);
        client.logIn("demo-onderzoek", "demo-demo-onderzoek-wachtwoord");
        return client;
    }

    private static int submissions;

    /** Stores a response directly, as the respondent pages do after the last page. */
    private void respond(Campaign campaign, UUID link, int ageGroup, String language, String freeText) {
        Instrument instrument = instruments.byKey(campaign.instrumentKey()).orElseThrow();
        Answers answers =
                new Answers(freeText == null ? Map.of("hs_exp", 1) : Map.of("hs_exp", 1, "hs_easier", freeText));
        byte[] hash = ("submission-" + (++submissions) + "-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertThat(responses.add(new Responses.NewResponse(
                        campaign.id(),
                        link,
                        hash,
                        language,
                        ageGroup,
                        management.today(),
                        300,
                        instrument,
                        answers,
                        new QualityFlags(false, false, false))))
                .isTrue();
    }

    private UUID linkId(Campaign campaign, String label) {
        SurveyFixtures.link(management, campaign, label, false);
        return campaigns.links(campaign.id()).stream()
                .filter(l -> l.label().equals(label))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private int count(String table, Campaign campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM survey." + table + " WHERE campaign_id = :c")
                .param("c", campaign.id().value())
                .query(Integer.class)
                .single();
    }

    private boolean exists(Campaign campaign) {
        return campaigns.find(campaign.id()).isPresent();
    }

    private static List<Map.Entry<String, String>> campaignForm(String name, String closesOn, String keptUntil) {
        return fields(
                "name",
                name,
                "instrument",
                "help-seeking/1",
                "targetGroup",
                "PUPILS_16_18",
                "parentalConsent",
                "UNDER_16_EXCLUDED",
                "organiser",
                "Testinstituut",
                "contact",
                "onderzoek@example.org",
                "purposeNl",
                "We willen weten bij wie jongeren hulp zoeken.",
                "purposeEn",
                "We want to know who young people turn to for help.",
                "opensOn",
                "2026-11-23",
                "closesOn",
                closesOn,
                "answersKeptUntil",
                keptUntil);
    }

    @Test
    void theRetentionDateIsChosenOnCreationWithClearMessagesForDatesOutsideTheLimits() {
        FormClient dutch = researcher("nl-NL");
        assertThat(dutch.get("/staff/research/campaigns/new").body())
                .contains("Antwoorden bewaard tot en met", "5 jaar na de einddatum", "uiterlijk 10 jaar daarna");

        HttpResponse<String> early =
                dutch.post("/staff/research/campaigns", campaignForm("Te vroeg gewist", "2026-12-31", "2026-12-30"));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body())
                .contains("De antwoorden moeten minstens tot de einddatum van de campagne bewaard worden")
                .contains("value=\"Te vroeg gewist\"")
                .contains("value=\"2026-12-30\"");

        FormClient english = researcher("en");
        assertThat(english.get("/staff/research/campaigns/new").body())
                .contains("Answers kept until (inclusive)", "5 years after the end date");
        HttpResponse<String> late =
                english.post("/staff/research/campaigns", campaignForm("Kept too long", "2026-12-31", "2037-01-01"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("Answers may be kept for at most 10 years after the end date.");

        HttpResponse<String> garbled =
                english.post("/staff/research/campaigns", campaignForm("Garbled date", "2026-12-31", "soon"));
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("Enter the date until which answers are kept as yyyy-mm-dd");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.campaign WHERE name IN ('Te vroeg gewist', 'Kept too long',"
                                + " 'Garbled date')")
                        .query(Integer.class)
                        .single())
                .isZero();

        HttpResponse<String> chosen =
                dutch.post("/staff/research/campaigns", campaignForm("Tien jaar", "2026-12-31", "2036-12-31"));
        assertThat(chosen.statusCode()).isEqualTo(302);
        String location = chosen.headers().firstValue("Location").orElseThrow();
        assertThat(dutch.get(location.replaceFirst("^https?://[^/]+", "")).body())
                .contains("Antwoorden bewaard tot en met", "2036-12-31");

        Campaign byDefault =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        assertThat(byDefault.answersKeptUntil())
                .isEqualTo(byDefault.closesOn().plusYears(5))
                .isEqualTo(campaigns.find(byDefault.id()).orElseThrow().answersKeptUntil());
    }

    @Test
    void theDailySweepDeletesAnswersPastTheirDateAndKeepsTheCampaignWithANote() {
        Campaign shortLived = management.create(
                new CampaignManagement.CampaignForm(
                        "Kort bewaard",
                        "help-seeking/1",
                        TargetGroup.PUPILS_16_18.name(),
                        ParentalConsent.UNDER_16_EXCLUDED.name(),
                        true,
                        "Testinstituut",
                        "onderzoek@example.org",
                        "We willen weten bij wie jongeren hulp zoeken.",
                        "We want to know who young people turn to for help.",
                        management.today().toString(),
                        management.today().plusDays(10).toString(),
                        management.today().plusDays(12).toString()),
                "demo-onderzoek");
        Campaign longLived =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        UUID shortLink = linkId(shortLived, "Klas 1");
        UUID longLink = linkId(longLived, "Klas 1");
        for (int i = 0; i < 3; i++) {
            respond(shortLived, shortLink, 2, "nl", "Meer uitleg op school");
            respond(longLived, longLink, 2, "nl", "Meer uitleg thuis");
        }
        assertThat(contacts.add(
                        shortLived.id(),
                        HexFormat.of().parseHex("0102"),
                        new InterviewContacts.Contact("Kim", "PHONE", "06 1234 5678")))
                .isTrue();

        // On the last day the answers are kept, nothing goes.
        clock.advance(Duration.ofDays(12));
        management.closeEnded();
        management.deleteExpiredAnswers();
        assertThat(count("response", shortLived)).isEqualTo(3);
        assertThat(campaigns.find(shortLived.id()).orElseThrow().answersDeletedOn())
                .isNull();

        clock.advance(Duration.ofDays(1));
        LocalDate sweepDay = management.today();
        management.deleteExpiredAnswers();
        assertThat(count("response", shortLived)).isZero();
        assertThat(count("interview_contact", shortLived)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE free_text IS NOT NULL AND campaign_id = :c")
                        .param("c", shortLived.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        Campaign kept = campaigns.find(shortLived.id()).orElseThrow();
        assertThat(kept.answersDeletedOn()).isEqualTo(sweepDay);
        assertThat(campaigns.links(shortLived.id())).hasSize(1);
        assertThat(count("response", longLived)).isEqualTo(3);
        assertThat(campaigns.find(longLived.id()).orElseThrow().answersDeletedOn())
                .isNull();

        // A later sweep leaves the note of the first one alone.
        clock.advance(Duration.ofDays(1));
        management.deleteExpiredAnswers();
        assertThat(campaigns.find(shortLived.id()).orElseThrow().answersDeletedOn())
                .isEqualTo(sweepDay);

        FormClient english = researcher("en");
        assertThat(english.get("/staff/research/campaigns/" + shortLived.id()).body())
                .contains("retention period over: the answers were deleted on " + sweepDay);
        FormClient dutch = researcher("nl-NL");
        assertThat(dutch.get("/staff/research/campaigns/" + shortLived.id()).body())
                .contains("de antwoorden zijn op " + sweepDay + " gewist");
        assertThat(exports.responsesCsv(
                                shortLived,
                                Codebook.of(instruments.byKey("help-seeking/1").orElseThrow()))
                        .lines())
                .hasSize(1);
    }

    @Test
    void theRetentionDateCanBeChangedWithinTheLimitsAndIsAudited() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String path = "/staff/research/campaigns/" + campaign.id();
        java.time.LocalDate closes = campaign.closesOn();
        FormClient dutch = researcher("nl-NL");
        assertThat(dutch.get(path).body()).contains("Bewaartermijn van de antwoorden");

        HttpResponse<String> tooEarly = dutch.post(
                path + "/retention",
                fields("answersKeptUntil", closes.minusDays(1).toString()));
        assertThat(tooEarly.statusCode()).isEqualTo(422);
        assertThat(tooEarly.body())
                .contains("minstens tot de einddatum")
                .contains("value=\"" + closes.minusDays(1) + "\""); // what was typed stays
        HttpResponse<String> tooLate = dutch.post(
                path + "/retention",
                fields("answersKeptUntil", closes.plusYears(11).toString()));
        assertThat(tooLate.body()).contains("hoogstens 10 jaar na de einddatum");
        FormClient english = researcher("en-GB");
        english.get(path);
        assertThat(english.post(path + "/retention", fields("answersKeptUntil", "morgen"))
                        .body())
                .contains("Enter the date as yyyy-mm-dd.");
        assertThat(campaigns.find(campaign.id()).orElseThrow().answersKeptUntil())
                .isEqualTo(campaign.answersKeptUntil());

        // A shorter period, e.g. after a request to erase data.
        dutch.get(path);
        HttpResponse<String> shorter = dutch.post(
                path + "/retention",
                fields("answersKeptUntil", closes.plusMonths(6).toString()));
        assertThat(shorter.statusCode()).isEqualTo(302);
        assertThat(campaigns.find(campaign.id()).orElseThrow().answersKeptUntil())
                .isEqualTo(closes.plusMonths(6));
        assertThat(dutch.get(path).body())
                .contains("De antwoorden worden nu bewaard tot en met " + closes.plusMonths(6));
        assertThat(audit.about("survey-campaign", campaign.id().toString()))
                .extracting(nl.vangnet.audit.AuditEntry::action, nl.vangnet.audit.AuditEntry::actor)
                .contains(org.assertj.core.api.Assertions.tuple("SURVEY_RETENTION_CHANGED", "demo-onderzoek"));
    }

    @Test
    void aClosedCampaignIsDeletedOnlyWithConfirmationAndAnOpenOneNotAtAll() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, true);
        Campaign other =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        UUID link = linkId(campaign, "Klas 2");
        UUID otherLink = linkId(other, "Klas 2");
        respond(campaign, link, 2, "nl", "Vrije tekst die weg moet");
        respond(campaign, link, 1, "en", null);
        respond(other, otherLink, 2, "nl", null);
        contacts.add(
                campaign.id(),
                HexFormat.of().parseHex("0a0b"),
                new InterviewContacts.Contact("Sam", "EMAIL", "s@example.org"));
        String path = "/staff/research/campaigns/" + campaign.id();

        FormClient dutch = researcher("nl-NL");
        dutch.get(path);
        HttpResponse<String> whileOpen = dutch.post(path + "/delete", fields("confirm", "yes"));
        assertThat(whileOpen.statusCode()).isEqualTo(422);
        assertThat(whileOpen.body()).contains("Deze campagne is nog niet gesloten. Sluit de campagne eerst");
        assertThat(exists(campaign)).isTrue();
        assertThat(count("response", campaign)).isEqualTo(2);

        management.close(campaign.id());
        assertThat(dutch.get(path).body()).contains("Campagne verwijderen", "haar 2 antwoord(en)");
        HttpResponse<String> unconfirmed = dutch.post(path + "/delete", fields());
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Vink aan dat je begrijpt dat alles voorgoed verwijderd wordt.");
        assertThat(exists(campaign)).isTrue();
        assertThat(count("response", campaign)).isEqualTo(2);
        assertThat(count("link", campaign)).isEqualTo(1);

        FormClient english = researcher("en");
        english.get(path);
        HttpResponse<String> unconfirmedEnglish = english.post(path + "/delete", fields());
        assertThat(unconfirmedEnglish.body()).contains("Tick the box to confirm that everything will be deleted");

        FormClient hotline = new FormClient(base, "nl-NL");
        hotline.logIn("demo-hotline", "demo-demo-hotline-wachtwoord");
        assertThat(hotline.post(path + "/delete", fields("confirm", "yes")).statusCode())
                .isEqualTo(403);
        assertThat(dutch.post("/staff/research/campaigns/" + UUID.randomUUID() + "/delete", fields("confirm", "yes"))
                        .statusCode())
                .isEqualTo(404);

        dutch.get(path);
        HttpResponse<String> confirmed = dutch.post(path + "/delete", fields("confirm", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/staff/research"));
        assertThat(dutch.get("/staff/research").body())
                .contains("De campagne Test help-seeking/1 is verwijderd, met 2 antwoord(en).");
        assertThat(exists(campaign)).isFalse();
        assertThat(count("response", campaign)).isZero();
        assertThat(count("link", campaign)).isZero();
        assertThat(count("interview_contact", campaign)).isZero();
        assertThat(dutch.get(path).statusCode()).isEqualTo(404);
        assertThat(exists(other)).isTrue();
        assertThat(count("response", other)).isEqualTo(1);
        assertThat(count("link", other)).isEqualTo(1);
        // Who deleted it, and how much, is in the audit trail.
        assertThat(audit.about("survey-campaign", campaign.id().toString()))
                .extracting(nl.vangnet.audit.AuditEntry::action)
                .contains("SURVEY_CAMPAIGN_DELETED");
    }

    @Test
    void smallSchoolsAndAgeGroupsAreSuppressedInTheExportAndCountedOnTheCampaignPage() {
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        UUID big = linkId(campaign, "School A klas 4B");
        UUID small = linkId(campaign, "School B klas 3");
        for (int i = 0; i < 10; i++) {
            respond(campaign, big, 2, "nl", null);
        }
        respond(campaign, big, 1, "nl", null);
        respond(campaign, small, 2, "nl", null);
        respond(campaign, small, 2, "en", null);

        Codebook codebook = Codebook.of(instruments.byKey("help-seeking/1").orElseThrow());
        List<String> lines = exports.responsesCsv(campaign, codebook).lines().toList();
        assertThat(lines).hasSize(14);
        List<Map<String, String>> rows = lines.subList(1, lines.size()).stream()
                .map(line -> SurveyIT.row(lines.get(0), line))
                .toList();
        assertThat(rows).noneMatch(r -> r.get("link_label").contains("School B"));
        assertThat(rows)
                .filteredOn(r -> r.get("link_label").equals("School A klas 4B"))
                .hasSize(11)
                .extracting(r -> r.get("age_group"))
                .containsOnly("2", "-7")
                .filteredOn("-7"::equals)
                .hasSize(5);
        assertThat(rows)
                .filteredOn(r -> r.get("link_label").equals("-7"))
                .hasSize(2)
                .allMatch(r -> r.get("age_group").equals("-7"));
        for (Map<String, String> row : rows) {
            for (Codebook.Variable v : codebook.variables()) {
                assertThat(v.accepts(row.get(v.name()))).as(v.name()).isTrue();
            }
        }
        assertThat(Exports.codebookCsv(codebook)).contains("link_label,value,-7,onderdrukt: groep van minder dan 5");
        assertThat(Exports.spssSyntax(campaign, codebook, java.util.Locale.ENGLISH))
                .contains("MISSING VALUES age_group (-7) /link_label ('-7').");
        assertThat(Exports.rSyntax(campaign, codebook, java.util.Locale.ENGLISH))
                .contains("responses$link_label[responses$link_label == \"-7\"] <- NA");

        // A class may not be called like the suppression code.
        assertThatThrownBy(() -> management.generateLinks(campaign, "-7", 3, false))
                .isInstanceOfSatisfying(
                        SurveyProblem.class,
                        p -> assertThat(p.messageKeys()).containsExactly("survey.links.problem.reserved"));

        FormClient dutch = researcher("nl-NL");
        assertThat(dutch.get("/staff/research/campaigns/" + campaign.id()).body())
                .contains("1 school/klas, 2 van de 13 antwoorden", "7 van de 13 antwoorden");
        FormClient english = researcher("en");
        String page = english.get("/staff/research/campaigns/" + campaign.id()).body();
        assertThat(page).contains("1 school/class, 2 of 13 answers", "7 of 13 answers");
        // The two answers of School B differ in language, so each is still alone in its group.
        assertThat(page).contains("Still in a group smaller than 5", "2 answers (there the combination");
    }
}
