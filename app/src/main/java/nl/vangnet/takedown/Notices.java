package nl.vangnet.takedown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored notices and the outbox of e-mails still to deliver. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notice n, List<TakedownRequestId> requests) {
        jdbc.sql("""
                        INSERT INTO takedown.notice (id, case_ref, host, kind, channel, recipient, recipient_name,
                            language, reference, subject, body_ct, anonymous, created_at, created_by, delivery,
                            attempts, next_attempt_at, reminder_of)
                        VALUES (:id, :caseRef, :host, :kind, :channel, :recipient, :recipientName, :language,
                            :reference, :subject, :body, :anonymous, :createdAt, :createdBy, :delivery, 0, :next,
                            :reminderOf)
                        """)
                .param("id", n.id())
                .param("caseRef", n.caseRef().value())
                .param("host", n.host())
                .param("kind", n.kind().name())
                .param("channel", n.channel().name())
                .param("recipient", n.recipient())
                .param("recipientName", n.recipientName())
                .param("language", n.language())
                .param("reference", n.reference())
                .param("subject", n.subject())
                .param("body", n.bodyCiphertext())
                .param("anonymous", n.anonymous())
                .param("createdAt", Takedowns.ts(n.createdAt()))
                .param("createdBy", n.createdBy())
                .param("delivery", n.delivery())
                .param("next", Takedowns.ts(n.nextAttemptAt()))
                .param("reminderOf", n.reminderOf())
                .update();
        for (TakedownRequestId request : requests) {
            jdbc.sql("INSERT INTO takedown.notice_request (notice_id, request_id) VALUES (:n, :r)")
                    .param("n", n.id())
                    .param("r", request.value())
                    .update();
        }
    }

    Optional<Notice> find(UUID id) {
        return jdbc.sql("SELECT * FROM takedown.notice WHERE id = :id")
                .param("id", id)
                .query(Notices::notice)
                .optional();
    }

    List<Notice> ofCase(CaseRef caseRef) {
        return jdbc.sql("SELECT * FROM takedown.notice WHERE case_ref = :ref ORDER BY created_at, reference")
                .param("ref", caseRef.value())
                .query(Notices::notice)
                .list();
    }

    List<Notice> ofRequest(TakedownRequestId request) {
        return jdbc.sql("""
                        SELECT n.* FROM takedown.notice n JOIN takedown.notice_request nr ON nr.notice_id = n.id
                        WHERE nr.request_id = :r ORDER BY n.created_at, n.reference
                        """).param("r", request.value()).query(Notices::notice).list();
    }

    List<TakedownRequestId> requestsOf(UUID notice) {
        return jdbc.sql("SELECT request_id FROM takedown.notice_request WHERE notice_id = :n ORDER BY request_id")
                .param("n", notice)
                .query((rs, row) -> new TakedownRequestId(rs.getObject("request_id", UUID.class)))
                .list();
    }

    /**
     * Claims due e-mails for one delivery attempt: each claimed row's next attempt moves to {@code
     * lease} so another instance (or an overlapping run) skips it; rows locked elsewhere are skipped.
     */
    List<Notice> claimDue(Instant now, Instant lease, int limit) {
        return jdbc.sql("""
                        UPDATE takedown.notice SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM takedown.notice
                                     WHERE delivery = 'QUEUED' AND channel = 'EMAIL' AND next_attempt_at <= :now
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("now", Takedowns.ts(now))
                .param("lease", Takedowns.ts(lease))
                .param("limit", limit)
                .query(Notices::notice)
                .list();
    }

    /** Claims one queued e-mail for an attempt now, if it is still queued. */
    Optional<Notice> claim(UUID id, Instant lease) {
        return jdbc.sql("""
                        UPDATE takedown.notice SET next_attempt_at = :lease
                        WHERE id = :id AND delivery = 'QUEUED' AND channel = 'EMAIL'
                        RETURNING *
                        """)
                .param("id", id)
                .param("lease", Takedowns.ts(lease))
                .query(Notices::notice)
                .optional();
    }

    void markSent(UUID id, Instant at, @Nullable String messageId) {
        jdbc.sql("""
                        UPDATE takedown.notice SET delivery = 'SENT', sent_at = :at, message_id = :mid,
                            attempts = attempts + 1, next_attempt_at = NULL, last_failure = NULL
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("at", Takedowns.ts(at))
                .param("mid", messageId)
                .update();
    }

    void markFailed(UUID id, Instant nextAttempt, String failure) {
        jdbc.sql("""
                        UPDATE takedown.notice SET attempts = attempts + 1, next_attempt_at = :next,
                            last_failure = :failure
                        WHERE id = :id AND delivery = 'QUEUED'
                        """)
                .param("id", id)
                .param("next", Takedowns.ts(nextAttempt))
                .param("failure", failure)
                .update();
    }

    /** Staff confirmed they submitted an exported notice on the host's web form. */
    boolean markSubmitted(UUID id, Instant at) {
        return jdbc.sql("""
                                UPDATE takedown.notice SET delivery = 'SUBMITTED', sent_at = :at
                                WHERE id = :id AND delivery = 'EXPORTED'
                                """).param("id", id).param("at", Takedowns.ts(at)).update() == 1;
    }

    void countReminder(UUID original) {
        jdbc.sql("UPDATE takedown.notice SET reminders = reminders + 1 WHERE id = :id")
                .param("id", original)
                .update();
    }

    /** Delivered first notices sent by e-mail: the candidates for an automatic reminder. */
    List<Notice> deliveredEmailNotices(int maxReminders) {
        return jdbc.sql("""
                        SELECT * FROM takedown.notice
                        WHERE kind = 'NOTICE' AND channel = 'EMAIL' AND delivery = 'SENT' AND reminders < :max
                          AND EXISTS (SELECT 1 FROM takedown.notice_request nr JOIN takedown.request r
                                      ON r.id = nr.request_id WHERE nr.notice_id = takedown.notice.id
                                      AND r.status = 'SENT')
                        ORDER BY sent_at
                        """).param("max", maxReminders).query(Notices::notice).list();
    }

    /** How many e-mails wait in the outbox, and the oldest failure among them (for the workspace). */
    record Backlog(long queued, long failing) {}

    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS queued, count(*) FILTER (WHERE attempts > 0) AS failing
                        FROM takedown.notice WHERE delivery = 'QUEUED' AND channel = 'EMAIL'
                        """)
                .query((rs, row) -> new Backlog(rs.getLong("queued"), rs.getLong("failing")))
                .single();
    }

    static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getObject("id", UUID.class),
                new CaseRef(rs.getObject("case_ref", UUID.class)),
                rs.getString("host"),
                NoticeTemplates.Kind.valueOf(rs.getString("kind")),
                HostContact.Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("recipient_name"),
                rs.getString("language"),
                rs.getString("reference"),
                rs.getString("subject"),
                rs.getBytes("body_ct"),
                rs.getBoolean("anonymous"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("delivery"),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at") == null
                        ? null
                        : rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_failure"),
                rs.getTimestamp("sent_at") == null
                        ? null
                        : rs.getTimestamp("sent_at").toInstant(),
                rs.getString("message_id"),
                rs.getInt("reminders"),
                rs.getObject("reminder_of", UUID.class));
    }
}
