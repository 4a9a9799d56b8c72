package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two case workers edit the same case at once: every versioned change (status, assignment,
 * details, coding) made on a stale version is refused on the pages (409, "changed by someone
 * else", the typed text kept) and on the API (409 problem+json), in the user's language, and the
 * other worker's change stays. Invalid codings list every problem on the page and on the API.
 */
@VangnetIntegrationTest
class CaseConcurrencyIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    JdbcClient jdbc;

    CaseTeam team;

    @BeforeEach
    void team() {
        team = CaseTeam.of(staff, "Tegelijk", "t");
    }

    static int version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a version field").isTrue();
        return Integer.parseInt(m.group(1));
    }

    static int jsonVersion(String json) {
        Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(json);
        assertThat(m.find()).as("a version").isTrue();
        return Integer.parseInt(m.group(1));
    }

    String column(UUID id, String expression) {
        return jdbc.sql("SELECT (" + expression + ")::text FROM cases.case_file WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    String incidentCode(String incident) {
        return jdbc.sql("SELECT code FROM cases.incident WHERE id = :id")
                .param("id", UUID.fromString(incident))
                .query(String.class)
                .single();
    }

    @Test
    void onThePagesAStaleStatusAssignmentDetailsOrCodingIsRefusedAndNothingIsOverwritten() {
        StaffClient hanna = team.login(port, "hanna");
        StaffClient henk = team.login(port, "henk");
        hanna.get("/staff/cases/new");
        HttpResponse<String> created =
                hanna.post("/staff/cases", "channel", "CHAT", "narrative", "Eerste verhaal", "contact", "via chat");
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        int seen = version(hanna.get(path).body());

        // Henk changes the details first.
        assertThat(version(henk.get(path).body())).isEqualTo(seen);
        HttpResponse<String> henks = henk.post(
                path + "/details", "version", String.valueOf(seen), "narrative", "Verhaal van Henk", "contact", "");
        assertThat(henks.statusCode()).isEqualTo(302);

        // Hanna's details on the old version: refused, her text kept in the form, Henk's text stays.
        HttpResponse<String> details = hanna.post(
                path + "/details", "version", String.valueOf(seen), "narrative", "Verhaal van Hanna", "contact", "");
        assertThat(details.statusCode()).isEqualTo(409);
        assertThat(details.body())
                .contains("Iemand anders heeft dit dossier intussen gewijzigd", "er is niets overschreven")
                .contains("Verhaal van Hanna", "Verhaal van Henk");
        assertThat(hanna.get(path).body()).contains("Verhaal van Henk").doesNotContain("Verhaal van Hanna");

        // Assignment and status on the old version: refused too.
        HttpResponse<String> assign = hanna.post(path + "/assign", "version", String.valueOf(seen), "assignee", "");
        assertThat(assign.statusCode()).isEqualTo(409);
        assertThat(assign.body()).contains("Iemand anders heeft dit dossier intussen gewijzigd");
        HttpResponse<String> status =
                hanna.post(path + "/status", "version", String.valueOf(seen), "status", "TRIAGED");
        assertThat(status.statusCode()).isEqualTo(409);
        assertThat(column(id, "status")).isEqualTo("NEW");

        // The same refusal in English for an English-speaking worker.
        StaffClient english = team.login(port, "hanna", "en");
        english.get(path);
        HttpResponse<String> englishStatus =
                english.post(path + "/status", "version", String.valueOf(seen), "status", "TRIAGED");
        assertThat(englishStatus.statusCode()).isEqualTo(409);
        assertThat(englishStatus.body())
                .contains("Someone else changed this case in the meantime", "nothing was overwritten");
        assertThat(column(id, "status")).isEqualTo("NEW");

        // With the current version the change goes through.
        int current = version(hanna.get(path).body());
        assertThat(current).isGreaterThan(seen);
        assertThat(hanna.post(path + "/status", "version", String.valueOf(current), "status", "TRIAGED")
                        .statusCode())
                .isEqualTo(302);
        assertThat(column(id, "status")).isEqualTo("TRIAGED");

        // Coding: both open the incident, Henk corrects it first, Hanna's correction is refused.
        hanna.get(path + "/incidents/new?code=OSI-HAR");
        HttpResponse<String> added = hanna.post(
                path + "/incidents", "code", "OSI-HAR", "dim.platformType", "gaming", "occurredMonth", "2026-01");
        assertThat(added.statusCode()).isEqualTo(302);
        String incident = jdbc.sql("SELECT id FROM cases.incident WHERE case_id = :id AND seq = 1")
                .param("id", id)
                .query(UUID.class)
                .single()
                .toString();
        String incidentPath = path + "/incidents/" + incident;
        int incidentVersion = version(hanna.get(incidentPath).body());
        assertThat(version(henk.get(incidentPath).body())).isEqualTo(incidentVersion);
        assertThat(henk.post(
                                incidentPath,
                                "code",
                                "OSI-HAR",
                                "version",
                                String.valueOf(incidentVersion),
                                "dim.platformType",
                                "social-media")
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> coding = hanna.post(
                incidentPath,
                "code",
                "OTH",
                "version",
                String.valueOf(incidentVersion),
                "description",
                "Iets anders volgens Hanna");
        assertThat(coding.statusCode()).isEqualTo(409);
        assertThat(coding.body()).contains("Iemand anders heeft dit dossier intussen gewijzigd");
        assertThat(incidentCode(incident)).isEqualTo("OSI-HAR");
        assertThat(jdbc.sql("SELECT dimensions::text FROM cases.incident WHERE id = :id")
                        .param("id", UUID.fromString(incident))
                        .query(String.class)
                        .single())
                .contains("social-media")
                .doesNotContain("gaming");
    }

    @Test
    void onTheApiAStaleChangeIsA409ProblemInTheCallersLanguageAndNothingIsOverwritten() {
        StaffClient hanna = team.login(port, "hanna");
        StaffClient henk = team.login(port, "henk");
        StaffClient english = team.login(port, "hanna", "en");
        String hannaToken = CaseApiIT.csrf(hanna);
        String henkToken = CaseApiIT.csrf(henk);
        String englishToken = CaseApiIT.csrf(english);

        HttpResponse<String> created = CaseApiIT.json(
                hanna,
                "POST",
                "/api/v1/cases",
                "{\"channel\":\"PHONE\",\"narrative\":\"Eerste verhaal via de API\"}",
                hannaToken);
        assertThat(created.statusCode()).isEqualTo(201);
        String caseId = CaseApiIT.id(created.body());
        String a = "/api/v1/cases/" + caseId;
        int seen = jsonVersion(hanna.send(hanna.request(a).GET().build()).body());

        // Henk changes the details first; with the current version that works.
        HttpResponse<String> henks = CaseApiIT.json(
                henk,
                "PUT",
                a + "/details",
                "{\"version\":" + seen + ",\"minor\":true,\"ageBand\":\"12-15\",\"narrative\":\"Verhaal van Henk\"}",
                henkToken);
        assertThat(henks.statusCode()).isEqualTo(204);

        // Every change on the old version: 409 problem+json, in Dutch or English as asked.
        String[][] stale = {
            {"PUT", a + "/details", "{\"version\":" + seen + ",\"narrative\":\"Verhaal van Hanna\"}"},
            {"PUT", a + "/assignee", "{\"version\":" + seen + ",\"assignee\":null}"},
            {"POST", a + "/status", "{\"version\":" + seen + ",\"status\":\"TRIAGED\"}"}
        };
        for (String[] change : stale) {
            HttpResponse<String> dutch = CaseApiIT.json(hanna, change[0], change[1], change[2], hannaToken);
            assertThat(dutch.statusCode()).as(change[1]).isEqualTo(409);
            assertThat(dutch.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(dutch.body())
                    .contains("urn:vangnet:problem:case-changed", "Iemand anders heeft dit intussen gewijzigd");
            HttpResponse<String> inEnglish = CaseApiIT.json(english, change[0], change[1], change[2], englishToken);
            assertThat(inEnglish.statusCode()).as(change[1]).isEqualTo(409);
            assertThat(inEnglish.body())
                    .contains("urn:vangnet:problem:case-changed", "Someone else changed this in the meantime");
        }
        HttpResponse<String> read = hanna.send(hanna.request(a).GET().build());
        assertThat(read.body())
                .contains("\"narrative\":\"Verhaal van Henk\"", "\"status\":\"NEW\"", "\"ageBand\":\"12-15\"")
                .doesNotContain("Verhaal van Hanna");

        // The current version: assignment and details go through; invalid details list every problem.
        int current = jsonVersion(read.body());
        assertThat(CaseApiIT.json(
                                hanna,
                                "PUT",
                                a + "/assignee",
                                "{\"version\":" + current + ",\"assignee\":null}",
                                hannaToken)
                        .statusCode())
                .isEqualTo(204);
        int afterAssign = jsonVersion(hanna.send(hanna.request(a).GET().build()).body());
        assertThat(afterAssign).isGreaterThan(current);
        HttpResponse<String> invalid = CaseApiIT.json(
                hanna,
                "PUT",
                a + "/details",
                "{\"version\":" + afterAssign + ",\"ageBand\":\"oud\",\"narrative\":\"" + "x".repeat(9000) + "\"}",
                hannaToken);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"field\":\"ageBand\"", "\"field\":\"narrative\"");
        assertThat(CaseApiIT.json(
                                hanna,
                                "PUT",
                                a + "/details",
                                "{\"version\":" + afterAssign + ",\"narrative\":\"Samen bijgewerkt\"}",
                                hannaToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(hanna.send(hanna.request(a).GET().build()).body()).contains("\"narrative\":\"Samen bijgewerkt\"");

        // Coding: Henk corrects the incident first; Hanna's correction on the old version is refused.
        HttpResponse<String> added = CaseApiIT.json(
                hanna,
                "POST",
                a + "/incidents",
                "{\"code\":\"OSI-HAR\",\"dimensions\":{\"platformType\":[\"gaming\"]}}",
                hannaToken);
        assertThat(added.statusCode()).isEqualTo(201);
        String incident = CaseApiIT.id(added.body());
        int incidentVersion = jsonVersion(
                hanna.send(hanna.request(a + "/incidents").GET().build()).body());
        assertThat(CaseApiIT.json(
                                henk,
                                "PUT",
                                a + "/incidents/" + incident + "/coding",
                                "{\"version\":" + incidentVersion
                                        + ",\"code\":\"OSI-HAR\",\"dimensions\":{\"platformType\":[\"social-media\"]}}",
                                henkToken)
                        .statusCode())
                .isEqualTo(204);
        String hannasCoding = "{\"version\":" + incidentVersion + ",\"code\":\"OTH\"}";
        HttpResponse<String> refused =
                CaseApiIT.json(hanna, "PUT", a + "/incidents/" + incident + "/coding", hannasCoding, hannaToken);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Iemand anders heeft dit intussen gewijzigd");
        HttpResponse<String> refusedInEnglish =
                CaseApiIT.json(english, "PUT", a + "/incidents/" + incident + "/coding", hannasCoding, englishToken);
        assertThat(refusedInEnglish.statusCode()).isEqualTo(409);
        assertThat(refusedInEnglish.body()).contains("Someone else changed this in the meantime");
        assertThat(incidentCode(incident)).isEqualTo("OSI-HAR");
        assertThat(hanna.send(hanna.request(a + "/incidents").GET().build()).body())
                .contains("social-media")
                .doesNotContain("gaming");

        // Outside the owning organisation the new endpoints answer 404, as every other one.
        StaffClient otto = team.login(port, "otto");
        assertThat(CaseApiIT.json(
                                otto,
                                "PUT",
                                a + "/details",
                                "{\"version\":" + afterAssign + ",\"narrative\":\"niet van jou\"}",
                                CaseApiIT.csrf(otto))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInvalidCodingListsEveryProblemOnThePageAndOnTheApi() {
        StaffClient hanna = team.login(port, "hanna");
        hanna.get("/staff/cases/new");
        String path = URI.create(hanna.post("/staff/cases", "channel", "PHONE")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));

        // Page: a new incident with a value that does not fit, a value that does not exist and a mandatory one missing.
        hanna.get(path + "/incidents/new?code=SXT-FIN");
        HttpResponse<String> page = hanna.post(
                path + "/incidents", "code", "SXT-FIN", "dim.demand", "relationship", "dim.reach", "nowhere");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("de waarde relationship past niet bij deze vorm")
                .contains("de waarde nowhere bestaat niet")
                .contains("is verplicht bij deze vorm");
        StaffClient english = team.login(port, "hanna", "en");
        english.get(path + "/incidents/new?code=SXT-FIN");
        HttpResponse<String> englishPage = english.post(
                path + "/incidents", "code", "SXT-FIN", "dim.demand", "relationship", "dim.reach", "nowhere");
        assertThat(englishPage.statusCode()).isEqualTo(422);
        assertThat(englishPage.body())
                .contains("the value relationship does not fit this form")
                .contains("the value nowhere does not exist")
                .contains("is mandatory for this form");
        assertThat(jdbc.sql("SELECT count(*) FROM cases.incident WHERE case_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();

        // API: correcting an existing incident to an invalid coding lists every problem and changes nothing.
        String token = CaseApiIT.csrf(hanna);
        String a = "/api/v1/cases/" + id;
        String incident = CaseApiIT.id(CaseApiIT.json(
                        hanna,
                        "POST",
                        a + "/incidents",
                        "{\"code\":\"OSI-HAR\",\"dimensions\":{\"platformType\":[\"gaming\"]}}",
                        token)
                .body());
        int version = jsonVersion(
                hanna.send(hanna.request(a + "/incidents").GET().build()).body());
        HttpResponse<String> api = CaseApiIT.json(
                hanna,
                "PUT",
                a + "/incidents/" + incident + "/coding",
                "{\"version\":" + version
                        + ",\"code\":\"SXT-FIN\",\"dimensions\":{\"demand\":[\"relationship\"],\"reach\":[\"nowhere\"],"
                        + "\"colour\":[\"blue\"]}}",
                token);
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(api.body())
                .contains(
                        "value-not-allowed-for-code",
                        "\"value-not-allowed\"",
                        "unknown-dimension",
                        "mandatory-dimension-missing")
                .contains("de waarde nowhere bestaat niet");
        assertThat(incidentCode(incident)).isEqualTo("OSI-HAR");
    }
}
