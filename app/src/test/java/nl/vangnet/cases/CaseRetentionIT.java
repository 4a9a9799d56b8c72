package nl.vangnet.cases;

import static nl.vangnet.cases.CaseFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention with a moved clock: a dry run reports without changing anything; a purge erases the
 * contact details after a month, the free text after a year and the case after five years; the
 * admin page shows the report and only administrators reach it.
 */
@VangnetIntegrationTest
@Import(MovableClockConfiguration.class)
class CaseRetentionIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    CaseRetention retention;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    String column(UUID id, String expression) {
        return jdbc.sql("SELECT (" + expression + ")::text FROM cases.case_file WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse("gone");
    }

    @Test
    void closedCasesAreClearedClassByClassAsTheClockMoves() {
        Organisation hotline = CaseFixtures.organisation(staff, "Bewaar Hulplijn", OrganisationKind.HOTLINE);
        Organisation admin = CaseFixtures.organisation(staff, "Bewaar Beheer", OrganisationKind.ADMINISTRATION);
        CaseFixtures.account(staff, "bhanna", hotline, Role.HOTLINE);
        CaseFixtures.account(staff, "bbeheer", admin, Role.ADMIN);
        StaffClient hanna = StaffClient.loggedIn(port, "bhanna", PASSWORD);

        hanna.get("/staff/cases/new");
        HttpResponse<String> created =
                hanna.post("/staff/cases", "channel", "CHAT", "narrative", "verhaal", "contact", "06 00000000");
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        hanna.get(path);
        hanna.post(path + "/notes", "note", "notitie");
        // An open case is never cleared; a second case stays open throughout.
        hanna.get("/staff/cases/new");
        HttpResponse<String> open = hanna.post("/staff/cases", "channel", "PHONE", "contact", "blijft");
        UUID openId =
                UUID.fromString(URI.create(open.headers().firstValue("Location").orElseThrow())
                        .getPath()
                        .replaceAll(".*/", ""));

        String page = hanna.get(path).body();
        int version = Integer.parseInt(page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1"));
        hanna.post(path + "/status", "version", String.valueOf(version), "status", "CLOSED", "closingReason", "HELPED");
        assertThat(column(id, "status")).isEqualTo("CLOSED");

        clock.advance(Duration.ofDays(40));
        CaseRetention.Report dry = retention.dryRun("test");
        assertThat(dry.classes().getFirst().cases()).isEqualTo(1);
        assertThat(column(id, "contact_encrypted IS NOT NULL")).isEqualTo("true");

        CaseRetention.Report purged = retention.purge("test");
        assertThat(purged.classes().getFirst().cases()).isEqualTo(1);
        assertThat(column(id, "contact_encrypted IS NULL")).isEqualTo("true");
        assertThat(column(id, "narrative_encrypted IS NOT NULL")).isEqualTo("true");
        assertThat(column(openId, "contact_encrypted IS NOT NULL")).isEqualTo("true");

        clock.advance(Duration.ofDays(366));
        retention.purge("test");
        assertThat(column(id, "narrative_encrypted IS NULL AND free_text_erased_at IS NOT NULL"))
                .isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM cases.note WHERE case_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();

        clock.advance(Duration.ofDays(5 * 366));
        StaffClient beheer = StaffClient.loggedIn(port, "bbeheer", PASSWORD);
        beheer.get("/staff/cases/admin/retention");
        HttpResponse<String> dryPage = beheer.post("/staff/cases/admin/retention/dry-run");
        assertThat(dryPage.statusCode()).isEqualTo(200);
        assertThat(dryPage.body()).contains("Proefrun: dit zou nu worden opgeruimd", "hele dossier");
        assertThat(column(id, "status")).isEqualTo("CLOSED");
        HttpResponse<String> unconfirmed = beheer.post("/staff/cases/admin/retention/purge");
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        HttpResponse<String> purgedPage = beheer.post("/staff/cases/admin/retention/purge", "confirm", "yes");
        assertThat(purgedPage.statusCode()).isEqualTo(200);
        assertThat(purgedPage.body()).contains("Opgeruimd");
        assertThat(column(id, "status")).isEqualTo("gone");
        assertThat(column(openId, "status")).isEqualTo("NEW");

        assertThat(hanna.get("/staff/cases/admin/retention").statusCode()).isEqualTo(404);
    }
}
