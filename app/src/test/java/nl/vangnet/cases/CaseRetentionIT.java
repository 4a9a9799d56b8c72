package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention with a moved clock: a dry run reports without changing anything; a purge erases the
 * contact details after a month, the free text after a year and the case after five years; the
 * admin page shows the report and only administrators reach it. A victim who deletes their request
 * from the receipt page weeks later has their data erased from the case at once, and the tombstone
 * goes with the case-file retention.
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
    IntakeManagement intake;

    @Autowired
    OrganisationLinks links;

    @Autowired
    CaseFiles files;

    @Autowired
    JdbcClient jdbc;

    CaseTeam team;

    @BeforeEach
    void team() {
        team = CaseTeam.of(staff, "Bewaar", "b");
    }

    String column(UUID id, String expression) {
        return jdbc.sql("SELECT (" + expression + ")::text FROM cases.case_file WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse("gone");
    }

    @Test
    void closedCasesAreClearedClassByClassAsTheClockMoves() {
        StaffClient hanna = team.login(port, "hanna");

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
        StaffClient beheer = team.login(port, "beheer");
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

    @Test
    void aVictimWhoDeletesTheirRequestFromTheReceiptPageHasTheirDataErasedFromTheCase() {
        team.receivesPortalRequests(links);
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "Bel 06 22222222 na school");
        UUID id = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id()
                .value();
        StaffClient henk = team.login(port, "henk");
        String path = "/staff/cases/" + id;
        henk.get(path);
        henk.post(path + "/notes", "note", "Notitie over het gesprek");
        henk.get(path);
        henk.post(path + "/tasks", "title", "Terugbellen", "dueOn", "2040-01-01");
        henk.get(path);
        henk.post(path + "/messages", "message", "Hoi, wij kunnen je helpen.");
        henk.get("/staff/referrals/new?case=" + id);
        HttpResponse<String> referred = henk.post(
                "/staff/referrals",
                java.util.List.of(
                        java.util.Map.entry("case", id.toString()),
                        java.util.Map.entry("destination", "csg"),
                        java.util.Map.entry("parts", "CODING"),
                        java.util.Map.entry("how", "PHONE"),
                        java.util.Map.entry("confirm", "yes"),
                        java.util.Map.entry("handover", "Overdracht: liever een vrouwelijke hulpverlener")));
        assertThat(referred.statusCode()).isEqualTo(302);
        assertThat(column(id, "data_key IS NOT NULL AND help_request_id IS NOT NULL"))
                .isEqualTo("true");
        assertThat(henk.get(path).body()).contains("Bel 06 22222222 na school", "Notitie over het gesprek");

        // Three weeks later the victim comes back with the receipt, reads the message and deletes everything.
        clock.advance(Duration.ofDays(21));
        Instant deletedAt = clock.instant();
        StaffClient victim = new StaffClient(port, "nl-NL");
        victim.get("/opvolgen");
        HttpResponse<String> lookup = victim.post("/opvolgen", "receipt", submission.receipt(), "passphrase", "");
        assertThat(lookup.statusCode()).isEqualTo(302);
        assertThat(victim.get("/opvolgen/verzoek").body()).contains("Hoi, wij kunnen je helpen.");
        // Without the confirmation nothing is deleted.
        assertThat(victim.post("/opvolgen/verwijderen").statusCode()).isEqualTo(302);
        assertThat(column(id, "data_key IS NOT NULL")).isEqualTo("true");
        victim.get("/opvolgen/verzoek");
        HttpResponse<String> deleted = victim.post("/opvolgen/verwijderen", "confirm", "yes");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElse("")).contains("/opvolgen/verwijderd");

        CaseFixtures.until(() -> column(id, "data_key IS NULL").equals("true"));
        assertThat(column(id, "narrative_encrypted IS NULL AND contact_encrypted IS NULL AND help_request_id IS NULL"))
                .isEqualTo("true");
        assertThat(column(id, "status || ':' || closing_reason")).isEqualTo("CLOSED:DELETED_BY_VICTIM");
        // Erased at the moved clock's time, not the wall clock's.
        assertThat(jdbc.sql("SELECT victim_data_erased_at FROM cases.case_file WHERE id = :id")
                        .param("id", id)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isCloseTo(deletedAt, within(1, ChronoUnit.MILLIS));
        for (String table : java.util.List.of("cases.incident", "cases.note", "cases.task")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(intake.followUp(submission.id())).isEmpty();
        // The referral stops and its hand-over note goes with the victim's data.
        CaseFixtures.until(() -> "CANCELLED:true"
                .equals(jdbc.sql("SELECT status || ':' || (handover_encrypted IS NULL AND data_key IS NULL)::text"
                                + " FROM referral.referral WHERE case_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single()));
        // The receipt no longer opens anything, and staff see only the tombstone.
        StaffClient again = new StaffClient(port, "nl-NL");
        again.get("/opvolgen");
        assertThat(again.post("/opvolgen", "receipt", submission.receipt(), "passphrase", "")
                        .statusCode())
                .isEqualTo(422);
        assertThat(henk.get(path).body())
                .contains("Het slachtoffer heeft zijn of haar gegevens laten verwijderen")
                .doesNotContain("Notitie over het gesprek", "Hoi, wij kunnen je helpen.", "06 22222222");

        // What is left (a closed tombstone) goes with the case-file retention years later.
        clock.advance(Duration.ofDays(6 * 366));
        retention.purge("test");
        assertThat(column(id, "status")).isEqualTo("gone");
    }
}
