package nl.vangnet.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.cases.CaseId;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals in the {@code referral} schema. Reads for staff carry the organisation rule in SQL: a
 * referral is visible only to the organisation that sent it and the one it was sent to.
 */
@Repository
class Referrals {

    /** The viewer's organisation sent or received the referral (alias {@code r}). */
    static final String VISIBLE = "(r.from_organisation = :org OR r.to_organisation = :org)";

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral as stored: the hand-over note still encrypted. */
    record Row(Referral referral, byte @Nullable [] dataKey, byte @Nullable [] handover) {}

    void insert(
            ReferralId id,
            CaseId caseId,
            String reference,
            OrganisationId from,
            @Nullable OrganisationId to,
            String slug,
            @Nullable UUID consent,
            byte[] key,
            byte @Nullable [] handover,
            String actor,
            Instant now,
            Instant due) {
        jdbc.sql("""
                        INSERT INTO referral.referral (id, case_id, case_reference, from_organisation, to_organisation,
                            directory_slug, consent_id, status, data_key, handover_encrypted, sent_by, sent_at,
                            step_due_at, updated_at)
                        VALUES (:id, :case, :reference, :from, :to, :slug, :consent, 'SENT', :key, :handover, :actor,
                            :now, :due, :now)
                        """)
                .param("id", id.value())
                .param("case", caseId.value())
                .param("reference", reference)
                .param("from", from.value())
                .param("to", to == null ? null : to.value())
                .param("slug", slug)
                .param("consent", consent)
                .param("key", key)
                .param("handover", handover)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due))
                .update();
        step(id, ReferralStatus.SENT, actor, now);
    }

    void step(ReferralId id, ReferralStatus status, String actor, Instant at) {
        jdbc.sql("INSERT INTO referral.step (referral_id, status, actor, at) VALUES (:id, :status, :actor, :at)")
                .param("id", id.value())
                .param("status", status.name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Row> visible(UUID organisation, ReferralId id) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.id = :id AND " + VISIBLE)
                .param("id", id.value())
                .param("org", organisation)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> ofCase(UUID organisation, CaseId caseId) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.case_id = :case AND " + VISIBLE
                        + " ORDER BY r.sent_at DESC")
                .param("case", caseId.value())
                .param("org", organisation)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Referrals this organisation received (or tracks for an outside organisation), open ones first. */
    List<Row> incoming(UUID organisation, int limit) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE (r.to_organisation = :org"
                        + " OR (r.to_organisation IS NULL AND r.from_organisation = :org))"
                        + " ORDER BY (r.closed_at IS NULL) DESC, r.sent_at DESC LIMIT :limit")
                .param("org", organisation)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<Row> outgoing(UUID organisation, int limit) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.from_organisation = :org"
                        + " ORDER BY (r.closed_at IS NULL) DESC, r.sent_at DESC LIMIT :limit")
                .param("org", organisation)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    boolean move(
            ReferralId id, int version, ReferralStatus from, ReferralStatus to, @Nullable Instant due, Instant now) {
        String stamp = switch (to) {
            case ACCEPTED -> ", accepted_at = :now";
            case CONTACT_MADE -> ", contact_made_at = :now";
            case DECLINED, DONE, NOT_REACHED, CANCELLED -> ", closed_at = :now";
            default -> "";
        };
        return jdbc.sql("UPDATE referral.referral SET status = :to, step_due_at = :due, reminded_at = NULL,"
                                + " updated_at = :now, version = version + 1" + stamp
                                + " WHERE id = :id AND version = :version AND status = :from")
                        .param("to", to.name())
                        .param("due", due == null ? null : Timestamp.from(due))
                        .param("now", Timestamp.from(now))
                        .param("id", id.value())
                        .param("version", version)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    /** Referrals whose step is overdue and not yet reminded about. */
    List<Row> stalled(Instant now) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.step_due_at < :now AND r.reminded_at IS NULL"
                        + " ORDER BY r.step_due_at FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> row(rs))
                .list();
    }

    void reminded(ReferralId id, Instant now) {
        jdbc.sql("UPDATE referral.referral SET reminded_at = :now, reminders = reminders + 1 WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    List<Row> byConsent(UUID consent) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.consent_id = :consent")
                .param("consent", consent)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<Row> byCase(CaseId caseId) {
        return jdbc.sql("SELECT r.* FROM referral.referral r WHERE r.case_id = :case")
                .param("case", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Forgets the hand-over note for good: the key goes with it. */
    void eraseText(CaseId caseId) {
        jdbc.sql("UPDATE referral.referral SET data_key = NULL, handover_encrypted = NULL WHERE case_id = :case")
                .param("case", caseId.value())
                .update();
    }

    void deleteOfCase(CaseId caseId) {
        jdbc.sql("DELETE FROM referral.referral WHERE case_id = :case")
                .param("case", caseId.value())
                .update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID to = rs.getObject("to_organisation", UUID.class);
        Referral referral = new Referral(
                new ReferralId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getString("case_reference"),
                new OrganisationId(rs.getObject("from_organisation", UUID.class)),
                to == null ? null : new OrganisationId(to),
                rs.getString("directory_slug"),
                rs.getObject("consent_id", UUID.class),
                ReferralStatus.valueOf(rs.getString("status")),
                null,
                rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(),
                instant(rs, "accepted_at"),
                instant(rs, "contact_made_at"),
                instant(rs, "closed_at"),
                instant(rs, "step_due_at"),
                instant(rs, "reminded_at"),
                rs.getInt("reminders"),
                rs.getInt("version"));
        return new Row(referral, rs.getBytes("data_key"), rs.getBytes("handover_encrypted"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
