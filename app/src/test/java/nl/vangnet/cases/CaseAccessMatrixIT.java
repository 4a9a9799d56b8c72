package nl.vangnet.cases;

import static nl.vangnet.cases.CaseFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every case page and API endpoint × every role × the case's own organisation, an organisation it
 * is shared with (all parts, under a recorded consent) and another organisation: each request is
 * either allowed (2xx/3xx, or 409/422 for a change that passed the scope check) or 404, never 403
 * and never an error. The shared organisation is a police organisation, so the police summary is
 * available there.
 */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.referral.check-every=PT16M")
class CaseAccessMatrixIT {

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
    CaseManagement cases;

    @Autowired
    JdbcClient jdbc;

    enum Relation {
        OWN,
        SHARED,
        OTHER
    }

    /** Who may do what, as in the cases module's rules. */
    static final BiPredicate<Role, Relation> READ = (role, rel) ->
            (caseworker(role) && rel != Relation.OTHER) || (role == Role.POLICE && rel == Relation.SHARED);

    static final BiPredicate<Role, Relation> OWNER = (role, rel) -> caseworker(role) && rel == Relation.OWN;
    static final BiPredicate<Role, Relation> WORK = (role, rel) -> caseworker(role) && rel != Relation.OTHER;
    static final BiPredicate<Role, Relation> POLICE_SUMMARY = (role, rel) -> (caseworker(role) && rel == Relation.OWN)
            || ((caseworker(role) || role == Role.POLICE) && rel == Relation.SHARED);

    static boolean caseworker(Role role) {
        return role == Role.HOTLINE || role == Role.CARE;
    }

    /** One endpoint: method, path, form fields or JSON body, and the rule that allows it. */
    record Endpoint(String method, String path, List<String> form, String json, BiPredicate<Role, Relation> rule) {
        static Endpoint get(String path, BiPredicate<Role, Relation> rule) {
            return new Endpoint("GET", path, List.of(), "", rule);
        }

        static Endpoint post(String path, BiPredicate<Role, Relation> rule, String... form) {
            return new Endpoint("POST", path, List.of(form), "", rule);
        }

        static Endpoint json(String method, String path, String json, BiPredicate<Role, Relation> rule) {
            return new Endpoint(method, path, List.of(), json, rule);
        }

        boolean api() {
            return path.startsWith("/api/");
        }
    }

    @Test
    void everyEndpointAllowsExactlyTheRolesAndOrganisationsThatMayAndAnswers404ToTheRest() {
        // The team's organisations; the accounts are the matrix's own, one per role in each.
        CaseTeam team = CaseTeam.of(staff, "Matrix", "m-");
        Organisation own = team.hotline;
        Organisation shared = team.police;
        Organisation other = team.care;
        links.setPortalReceiver(own.id());
        Map<Relation, Organisation> organisations =
                Map.of(Relation.OWN, own, Relation.SHARED, shared, Relation.OTHER, other);
        for (Relation rel : Relation.values()) {
            for (Role role : Role.values()) {
                CaseFixtures.account(staff, username(rel, role), organisations.get(rel), role);
            }
        }
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "06 99999999");
        CaseId id = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id();
        Viewer owner = new Viewer(
                nl.vangnet.identity.StaffAccountId.random(), "m-own-setup", "Setup", own.id(), Set.of(Role.HOTLINE));
        cases.recordConsent(owner, id, shared.id(), EnumSet.allOf(CasePart.class), ConsentHow.PHONE);
        String reference = jdbc.sql("SELECT reference FROM cases.case_file WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        UUID incident = jdbc.sql("SELECT id FROM cases.incident WHERE case_id = :id AND seq = 1")
                .param("id", id.value())
                .query(UUID.class)
                .single();
        String c = "/staff/cases/" + id;
        String a = "/api/v1/cases/" + id;
        List<Endpoint> endpoints = List.of(
                Endpoint.get(c, READ),
                Endpoint.get(c + "/views", OWNER),
                Endpoint.get(c + "/police-summary", POLICE_SUMMARY),
                Endpoint.get(c + "/incidents/new", OWNER),
                Endpoint.get(c + "/incidents/" + incident, OWNER),
                Endpoint.post(c + "/incidents/" + incident, OWNER, "code", "OTH", "version", "0"),
                Endpoint.post(c + "/incidents", OWNER, "code", "OTH"),
                Endpoint.post(c + "/status", OWNER, "version", "0", "status", "TRIAGED"),
                Endpoint.post(c + "/assign", OWNER, "version", "0", "assignee", ""),
                Endpoint.post(c + "/details", OWNER, "version", "0", "narrative", "matrix"),
                Endpoint.post(c + "/notes", WORK, "note", "matrix-notitie"),
                Endpoint.post(c + "/tasks", WORK, "title", "matrix-taak", "dueOn", "2031-01-01"),
                Endpoint.post(c + "/tasks/" + UUID.randomUUID() + "/done", (role, rel) -> false),
                Endpoint.post(c + "/messages", WORK, "message", "matrix-bericht"),
                Endpoint.post(c + "/consents", OWNER, "organisation", other.id().toString(), "how", "PHONE"),
                Endpoint.post(c + "/consents/" + UUID.randomUUID() + "/withdraw", (role, rel) -> false),
                Endpoint.get("/staff/referrals/new?case=" + id, OWNER),
                Endpoint.post("/staff/referrals", OWNER, "case", id.toString(), "destination", "nergens"),
                Endpoint.json("GET", a, "", READ),
                Endpoint.json("GET", a + "/incidents", "", READ),
                Endpoint.json("GET", a + "/messages", "", READ),
                Endpoint.json("POST", a + "/status", "{\"version\":0,\"status\":\"TRIAGED\"}", OWNER),
                Endpoint.json("PUT", a + "/assignee", "{\"version\":0,\"assignee\":null}", OWNER),
                Endpoint.json("PUT", a + "/details", "{\"version\":0,\"narrative\":\"matrix\"}", OWNER),
                Endpoint.json("POST", a + "/incidents", "{\"code\":\"OTH\"}", OWNER),
                Endpoint.json(
                        "PUT", a + "/incidents/" + incident + "/coding", "{\"version\":0,\"code\":\"OTH\"}", OWNER),
                Endpoint.json("POST", a + "/messages", "{\"text\":\"matrix-api-bericht\"}", WORK),
                Endpoint.json("POST", a + "/consents", "{\"organisation\":\"" + other.id() + "\"}", OWNER),
                Endpoint.json(
                        "POST", "/api/v1/referrals", "{\"caseId\":\"" + id + "\",\"destination\":\"nergens\"}", OWNER));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Relation rel : Relation.values()) {
            for (Role role : Role.values()) {
                StaffClient client = StaffClient.loggedIn(port, username(rel, role), PASSWORD);
                if (role == Role.POLICE) {
                    client.get("/staff/cases");
                    client.post(c + "/reason", "reason", "Matrixtest van de toegang");
                }
                String csrf = apiCsrf(client);
                // The lists: reachable for staff who work with cases, and showing the case only where it may be read.
                for (String list : List.of("/staff/cases", "/staff/cases/search", "/api/v1/cases")) {
                    HttpResponse<String> response = list.startsWith("/api/")
                            ? client.send(client.request(list)
                                    .header("Accept", "application/json")
                                    .GET()
                                    .build())
                            : client.get(list);
                    boolean listAllowed = caseworker(role) || role == Role.POLICE;
                    checked++;
                    if (listAllowed ? response.statusCode() != 200 : response.statusCode() != 404) {
                        wrong.add(list + " as " + username(rel, role) + ": " + response.statusCode());
                    } else if (listAllowed
                            && READ.test(role, rel) != response.body().contains(reference)) {
                        wrong.add(list + " as " + username(rel, role) + ": shows the case = "
                                + response.body().contains(reference));
                    }
                }
                for (Endpoint e : endpoints) {
                    HttpResponse<String> response = call(client, e, csrf);
                    boolean allowed = e.rule().test(role, rel);
                    int status = response.statusCode();
                    boolean ok =
                            allowed ? (status >= 200 && status < 400) || status == 409 || status == 422 : status == 404;
                    checked++;
                    if (!ok) {
                        wrong.add(e.method() + " " + e.path() + " as " + username(rel, role) + ": expected "
                                + (allowed ? "allowed" : "404") + ", got " + status);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(15 * (endpoints.size() + 3));
        assertThat(wrong).isEmpty();
    }

    static String username(Relation rel, Role role) {
        return "m-" + rel.name().toLowerCase() + "-" + role.name().toLowerCase();
    }

    static String apiCsrf(StaffClient client) {
        HttpResponse<String> session = client.send(client.request("/api/v1/cases/session")
                .header("Accept", "application/json")
                .GET()
                .build());
        Matcher m = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(session.body());
        return m.find() ? m.group(1) : "";
    }

    static HttpResponse<String> call(StaffClient client, Endpoint e, String csrf) {
        if (e.api()) {
            HttpRequest.Builder request = client.request(e.path())
                    .header("Accept", "application/json")
                    .header("X-Reason", "Matrixtest van de toegang")
                    .header("X-CSRF-TOKEN", csrf);
            if (e.method().equals("GET")) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(e.method(), HttpRequest.BodyPublishers.ofString(e.json()));
            }
            return client.send(request.build());
        }
        if (e.method().equals("GET")) {
            return client.get(e.path());
        }
        // A fresh CSRF token from a page every staff member can open.
        client.get("/staff/account/password");
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < e.form().size(); i += 2) {
            form.put(e.form().get(i), e.form().get(i + 1));
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>(form.entrySet());
        return client.post(e.path(), fields);
    }
}
