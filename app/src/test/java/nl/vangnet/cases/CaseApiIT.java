package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The staff case API: session authentication with a CSRF header, problem+json for every refusal
 * (401 without a session, 403 without the CSRF token, 404 outside the scope, 422 listing every
 * coding problem, 409 for a stale version, 428 for police without a reason), and the OpenAPI
 * description.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.referral.check-every=PT17M")
class CaseApiIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    OrganisationLinks links;

    static String csrf(StaffClient client) {
        Matcher m = Pattern.compile("\"csrfToken\":\"([^\"]+)\"")
                .matcher(client.send(
                                client.request("/api/v1/cases/session").GET().build())
                        .body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static HttpResponse<String> json(StaffClient client, String method, String path, String body, String csrf) {
        HttpRequest.Builder request = client.request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return client.send(request.build());
    }

    static String id(String body) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void staffClientsWorkWithCasesThroughTheApiWithTheSameRules() {
        CaseTeam team = CaseTeam.of(staff, "Api", "a");
        StaffClient hanna = team.login(port, "hanna");
        String token = csrf(hanna);

        assertThat(new Http(port).get("/api/v1/cases").statusCode()).isEqualTo(401);
        HttpResponse<String> noCsrf = json(hanna, "POST", "/api/v1/cases", "{\"channel\":\"PHONE\"}", null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> created = json(
                hanna,
                "POST",
                "/api/v1/cases",
                "{\"channel\":\"PHONE\",\"minor\":true,\"ageBand\":\"12-15\",\"narrative\":\"Via de API\"}",
                token);
        assertThat(created.statusCode()).isEqualTo(201);
        String caseId = id(created.body());
        HttpResponse<String> read = hanna.send(hanna.request("/api/v1/cases/" + caseId)
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"narrative\":\"Via de API\"", "\"status\":\"NEW\"");

        HttpResponse<String> invalid = json(
                hanna,
                "POST",
                "/api/v1/cases/" + caseId + "/incidents",
                "{\"code\":\"SXT-FIN\",\"dimensions\":{\"demand\":[\"relationship\"],\"colour\":[\"blue\"]}}",
                token);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(invalid.body())
                .contains("value-not-allowed-for-code", "unknown-dimension", "mandatory-dimension-missing");

        HttpResponse<String> added = json(
                hanna,
                "POST",
                "/api/v1/cases/" + caseId + "/incidents",
                "{\"code\":\"OSI-HAR\",\"dimensions\":{\"platformType\":[\"gaming\"]},\"occurredMonth\":\"2026-01\"}",
                token);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(hanna.send(hanna.request("/api/v1/cases/" + caseId + "/incidents")
                                .GET()
                                .build())
                        .body())
                .contains("\"code\":\"OSI-HAR\"", "\"occurredMonth\":\"2026-01\"");

        assertThat(json(
                                hanna,
                                "POST",
                                "/api/v1/cases/" + caseId + "/status",
                                "{\"version\":0,\"status\":\"TRIAGED\"}",
                                token)
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> again =
                hanna.send(hanna.request("/api/v1/cases/" + caseId).GET().build());
        int version = Integer.parseInt(again.body().replaceAll("(?s).*?\"version\":(\\d+).*", "$1"));
        assertThat(json(
                                hanna,
                                "POST",
                                "/api/v1/cases/" + caseId + "/status",
                                "{\"version\":" + version + ",\"status\":\"TRIAGED\"}",
                                token)
                        .statusCode())
                .isEqualTo(204);

        StaffClient otto = team.login(port, "otto");
        HttpResponse<String> hidden = otto.send(otto.request("/api/v1/cases/" + caseId)
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("urn:vangnet:problem:not-found");

        HttpResponse<String> shared = json(
                hanna,
                "POST",
                "/api/v1/cases/" + caseId + "/consents",
                "{\"organisation\":\"" + team.police.id() + "\",\"parts\":[\"CODING\"],\"how\":\"PHONE\"}",
                token);
        assertThat(shared.statusCode()).isEqualTo(201);
        StaffClient piet = team.login(port, "piet");
        assertThat(piet.send(piet.request("/api/v1/cases/" + caseId).GET().build())
                        .statusCode())
                .isEqualTo(428);
        HttpResponse<String> withReason = piet.send(piet.request("/api/v1/cases/" + caseId)
                .header("X-Reason", "Informatief gesprek voorbereiden")
                .GET()
                .build());
        assertThat(withReason.statusCode()).isEqualTo(200);
        assertThat(withReason.body()).contains("OSI-HAR").doesNotContain("Via de API");

        HttpResponse<String> openapi = new Http(port).get("/v3/api-docs");
        // Every case and referral endpoint is in the description, each path exactly.
        for (String path : java.util.List.of(
                "/api/v1/cases",
                "/api/v1/cases/session",
                "/api/v1/cases/search",
                "/api/v1/cases/{id}",
                "/api/v1/cases/{id}/status",
                "/api/v1/cases/{id}/assignee",
                "/api/v1/cases/{id}/details",
                "/api/v1/cases/{id}/incidents",
                "/api/v1/cases/{id}/incidents/{incident}/coding",
                "/api/v1/cases/{id}/messages",
                "/api/v1/cases/{id}/consents",
                "/api/v1/referrals",
                "/api/v1/referrals/{id}",
                "/api/v1/referrals/{id}/status")) {
            assertThat(openapi.body()).contains("\"" + path + "\":{");
        }
    }
}
