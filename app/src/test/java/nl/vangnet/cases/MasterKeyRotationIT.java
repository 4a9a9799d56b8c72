package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.audit.AuditEntry;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import nl.vangnet.shared.MasterKeyRotation;
import nl.vangnet.shared.VangnetProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rotating the embedded default's master key from the admin page, with real encrypted text in the
 * help portal and in a case: afterwards the key file holds one new key, no data key is wrapped by
 * the old one, and every text still reads the same.
 */
@VangnetIntegrationTest
class MasterKeyRotationIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    OrganisationLinks links;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseFiles files;

    @Autowired
    MasterKeyRotation rotation;

    @Autowired
    AuditTrail audit;

    @Autowired
    VangnetProperties properties;

    @Test
    void anAdministratorRotatesTheMasterKeyAndEveryTextStaysReadable() throws Exception {
        CaseTeam team = CaseTeam.of(staff, "Sleutel", "k").receivesPortalRequests(links);
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, "Bel me na 16 uur op 06 12345678");
        intake.reply(submission.id(), "Ik durf het thuis niet te vertellen");
        CaseId caseId = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id();
        StaffClient hanna = team.login(port, "hanna");
        assertThat(hanna.get("/staff/cases/" + caseId.value()).body()).contains("06 12345678");

        Path keyFile = properties.dataDir().resolve("master-key.json");
        String before = Files.readString(keyFile);
        MasterKeyRotation.Status start = rotation.status();
        assertThat(start.masterKeys()).isEqualTo(1);
        assertThat(start.ownKeyFile()).isTrue();
        assertThat(start.onOldMasterKeys()).isZero();
        assertThat(start.columns())
                .extracting(MasterKeyRotation.ColumnStatus::column)
                .contains(
                        "intake.help_request.data_key",
                        "cases.case_file.data_key",
                        "referral.referral.data_key",
                        "takedown.case_key.data_key",
                        "survey.response.free_text",
                        "survey.interview_contact.sealed");
        long keys = start.columns().stream()
                .mapToLong(MasterKeyRotation.ColumnStatus::keys)
                .sum();
        assertThat(keys).isGreaterThanOrEqualTo(2);

        // Only administrators reach the page.
        assertThat(hanna.get("/staff/admin/keys").statusCode()).isEqualTo(403);

        StaffClient admin = team.login(port, "beheer");
        assertThat(admin.get("/staff/admin/keys").body()).contains("Hoofdsleutel wisselen", "intake.help_request");
        assertThat(admin.post("/staff/admin/keys/rotate").statusCode()).isEqualTo(302);
        assertThat(admin.get("/staff/admin/keys").body()).contains("De hoofdsleutel is gewisseld");

        String after = Files.readString(keyFile);
        assertThat(after).isNotEqualTo(before);
        MasterKeyRotation.Status end = rotation.status();
        assertThat(end.masterKeys()).isEqualTo(1);
        assertThat(end.onOldMasterKeys()).isZero();
        assertThat(end.columns().stream()
                        .mapToLong(MasterKeyRotation.ColumnStatus::keys)
                        .sum())
                .isEqualTo(keys);

        // Every text reads the same: the case page, and the victim's follow-up with their message.
        assertThat(hanna.get("/staff/cases/" + caseId.value()).body()).contains("06 12345678");
        assertThat(intake.followUp(submission.id()).orElseThrow().messages())
                .extracting(IntakeManagement.Message::text)
                .contains("Ik durf het thuis niet te vertellen");
        assertThat(audit.latest(20)).extracting(AuditEntry::action).contains("MASTER_KEY_ROTATED");
    }
}
