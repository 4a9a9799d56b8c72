package nl.vangnet.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff who have opened the case workspace, per organisation: the people a case can be assigned
 * to. Refreshed on each visit, so a renamed or moved account is right again after its next visit.
 */
@Repository
class CaseWorkers {

    private final JdbcClient jdbc;

    CaseWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case worker as assignment options show them. */
    record Worker(UUID accountId, String username, String displayName) {}

    void seen(Viewer viewer, Instant at) {
        jdbc.sql("""
                        INSERT INTO cases.case_worker (account_id, organisation_id, username, display_name, last_seen_at)
                        VALUES (:id, :org, :username, :name, :at)
                        ON CONFLICT (account_id) DO UPDATE SET organisation_id = excluded.organisation_id,
                            username = excluded.username, display_name = excluded.display_name,
                            last_seen_at = excluded.last_seen_at
                        """)
                .param("id", viewer.accountId().value())
                .param("org", viewer.organisationId().value())
                .param("username", viewer.username())
                .param("name", viewer.displayName())
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Worker> of(UUID organisation) {
        return jdbc.sql("SELECT * FROM cases.case_worker WHERE organisation_id = :org ORDER BY display_name")
                .param("org", organisation)
                .query((rs, n) -> new Worker(
                        rs.getObject("account_id", UUID.class), rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    Optional<Worker> in(UUID organisation, UUID account) {
        return of(organisation).stream()
                .filter(w -> w.accountId().equals(account))
                .findFirst();
    }
}
