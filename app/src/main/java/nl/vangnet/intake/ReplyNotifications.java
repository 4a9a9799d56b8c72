package nl.vangnet.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The victim's opt-in address for reply notifications (encrypted with the request's data key) and
 * the outbox of notifications still to deliver, in the {@code intake} schema. Both go with the
 * request (cascade); removing the address removes what waits in the outbox with it.
 */
@Repository
class ReplyNotifications {

    private final JdbcClient jdbc;

    ReplyNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored address, still encrypted, and the language the e-mail is written in. */
    record Address(HelpRequestId requestId, byte[] encrypted, String language) {}

    /** A notification waiting in the outbox. */
    record Pending(UUID id, HelpRequestId requestId, Instant createdAt, int attempts) {}

    void saveAddress(HelpRequestId id, byte[] encrypted, String language, Instant at) {
        jdbc.sql("""
                        INSERT INTO intake.notification_address (help_request_id, address_encrypted, language, created_at)
                        VALUES (:id, :address, :language, :at)
                        ON CONFLICT (help_request_id) DO UPDATE
                            SET address_encrypted = EXCLUDED.address_encrypted, language = EXCLUDED.language,
                                created_at = EXCLUDED.created_at
                        """)
                .param("id", id.value())
                .param("address", encrypted)
                .param("language", language)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Address> address(HelpRequestId id) {
        return jdbc.sql("SELECT * FROM intake.notification_address WHERE help_request_id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Address(id, rs.getBytes("address_encrypted"), rs.getString("language")))
                .optional();
    }

    /** Removes the address and every notification still waiting for it; true when there was one. */
    boolean removeAddress(HelpRequestId id) {
        jdbc.sql("DELETE FROM intake.notification_outbox WHERE help_request_id = :id")
                .param("id", id.value())
                .update();
        return jdbc.sql("DELETE FROM intake.notification_address WHERE help_request_id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
    }

    /**
     * Queues a notification for a request with an address, unless one already waits (several
     * replies before delivery make one e-mail). True when one waits now.
     */
    boolean enqueue(HelpRequestId id, Instant at) {
        jdbc.sql("""
                        INSERT INTO intake.notification_outbox (id, help_request_id, created_at, next_attempt_at)
                        SELECT :outbox, a.help_request_id, :at, :at FROM intake.notification_address a
                        WHERE a.help_request_id = :id
                        ON CONFLICT (help_request_id) DO NOTHING
                        """)
                .param("outbox", UUID.randomUUID())
                .param("id", id.value())
                .param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("SELECT count(*) FROM intake.notification_outbox WHERE help_request_id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Claims due notifications for one attempt each: moved out of reach of other nodes for the lease. */
    List<Pending> claimDue(Instant now, Instant lease, int limit) {
        return jdbc.sql("""
                        UPDATE intake.notification_outbox SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM intake.notification_outbox WHERE next_attempt_at <= :now
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(lease))
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        new HelpRequestId(rs.getObject("help_request_id", UUID.class)),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts")))
                .list();
    }

    /** Delivered, dropped or no longer wanted: nothing of it stays. */
    void done(UUID id) {
        jdbc.sql("DELETE FROM intake.notification_outbox WHERE id = :id")
                .param("id", id)
                .update();
    }

    void failed(UUID id, Instant nextAttempt, String reason) {
        jdbc.sql("""
                        UPDATE intake.notification_outbox SET attempts = attempts + 1, next_attempt_at = :next,
                            last_failure = :reason
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("next", Timestamp.from(nextAttempt))
                .param("reason", reason)
                .update();
    }

    /** How many notifications wait, for the figures and tests. */
    int waiting() {
        return jdbc.sql("SELECT count(*) FROM intake.notification_outbox")
                .query(Integer.class)
                .single();
    }
}
