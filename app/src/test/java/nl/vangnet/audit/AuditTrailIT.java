package nl.vangnet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.cases.CaseFixtures;
import nl.vangnet.cases.StaffClient;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on PostgreSQL: entries chain, the table refuses changes, a verification names the
 * first broken entry (also on the administrator's page), and a rolled-back action leaves no entry.
 */
@VangnetIntegrationTest
@DirtiesContext
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void chainsEntriesRefusesChangesAndNamesTheFirstBrokenEntry() {
        trail.record("tester", AuditAction.ACCOUNT_CREATED, "staff-account", "a", null, Map.of("roles", "CARE"));
        long middle = trail.record("tester", AuditAction.ACCOUNT_DISABLED, "staff-account", "a");
        trail.record("tester", AuditAction.ACCOUNT_ENABLED, "staff-account", "a");
        AuditTrail.Verification intact = trail.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.firstBrokenSeq()).isNull();
        assertThat(trail.about("staff-account", "a")).hasSize(3);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.entry SET actor = 'mallory' WHERE seq = :seq")
                        .param("seq", middle)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entry").update()).hasMessageContaining("append-only");

        // Someone with owner rights bypasses the trigger: the chain still shows where.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only")
                    .update();
            jdbc.sql("UPDATE audit.entry SET actor = 'mallory' WHERE seq = :seq")
                    .param("seq", middle)
                    .update();
            jdbc.sql("ALTER TABLE audit.entry ENABLE TRIGGER entry_append_only").update();
        });
        AuditTrail.Verification broken = trail.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(middle);
        assertThat(broken.entriesChecked()).isEqualTo(middle - 1);

        // The administrator's page names the same entry, in Dutch or English.
        Organisation beheer = CaseFixtures.organisation(staff, "Audit Beheer", OrganisationKind.ADMINISTRATION);
        CaseFixtures.account(staff, "auditbeheer", beheer, Role.ADMIN);
        for (String[] language : new String[][] {
            {"nl-NL", "De keten is verbroken bij vermelding "}, {"en", "The chain is broken at entry "}
        }) {
            StaffClient admin = new StaffClient(port, language[0]);
            admin.logIn("auditbeheer", CaseFixtures.PASSWORD);
            admin.get("/staff/admin/audit");
            HttpResponse<String> page = admin.post("/staff/admin/audit/verify");
            assertThat(page.statusCode()).isEqualTo(200);
            String seq = NumberFormat.getIntegerInstance(Locale.forLanguageTag(language[0]))
                    .format(middle);
            assertThat(page.body()).contains(language[1] + seq + " ");
        }
    }

    @Test
    void anActionThatRollsBackLeavesNoAuditEntry() {
        long before = trail.latest(10_000).size();
        try {
            transactions.executeWithoutResult(status -> {
                trail.record("tester", AuditAction.ORGANISATION_CREATED, "organisation", "x");
                status.setRollbackOnly();
            });
        } catch (RuntimeException ignored) {
            // not expected, rollback-only does not throw
        }
        assertThat(trail.latest(10_000)).hasSize((int) before);
    }
}
