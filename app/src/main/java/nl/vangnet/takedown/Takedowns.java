package nl.vangnet.takedown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The takedown requests: plain SQL over {@code takedown.request} and its status history. */
@Repository
class Takedowns {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    Takedowns(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Inserts a request; false when the case already has this URL (a concurrent duplicate). */
    boolean insert(TakedownRequest r, String urlKey) {
        return jdbc.sql("""
                        INSERT INTO takedown.request (id, case_ref, help_request_ref, organisation_id, url_ct, url_key,
                            host, host_display, form_code, taxonomy_version, minor, explanation_ct, platform_id,
                            provider, contact_channel, contact_address, country, language, contact_source,
                            contact_problem, status, created_at, created_by, next_check_at)
                        VALUES (:id, :caseRef, :helpRequest, :organisation, :url, :urlKey, :host, :hostDisplay, :code,
                            :version, :minor, :explanation, :platform, :provider, :channel, :address, :country,
                            :language, :source, :problem, :status, :createdAt, :createdBy, :nextCheck)
                        ON CONFLICT (case_ref, url_key) DO NOTHING
                        """)
                        .param("id", r.id().value())
                        .param("caseRef", r.caseRef().value())
                        .param("helpRequest", r.helpRequestRef())
                        .param("organisation", r.organisationId())
                        .param("url", r.urlCiphertext())
                        .param("urlKey", urlKey)
                        .param("host", r.host())
                        .param("hostDisplay", r.hostDisplay())
                        .param("code", r.formCode())
                        .param("version", r.taxonomyVersion())
                        .param("minor", r.minor())
                        .param("explanation", r.explanationCiphertext())
                        .param("platform", r.contact().platformId())
                        .param("provider", r.contact().provider())
                        .param("channel", r.contact().channel().name())
                        .param("address", r.contact().address())
                        .param("country", r.contact().country())
                        .param("language", r.contact().language())
                        .param("source", r.contact().source().name())
                        .param("problem", r.contact().problem())
                        .param("status", r.status().name())
                        .param("createdAt", ts(r.createdAt()))
                        .param("createdBy", r.createdBy())
                        .param("nextCheck", ts(r.nextCheckAt()))
                        .update()
                == 1;
    }

    Optional<TakedownRequest> find(TakedownRequestId id) {
        return jdbc.sql("SELECT * FROM takedown.request WHERE id = :id")
                .param("id", id.value())
                .query(Takedowns::request)
                .optional();
    }

    /** Locks the row for a status change, so two changes (a check and a staff action) never interleave. */
    Optional<TakedownRequest> lock(TakedownRequestId id) {
        return jdbc.sql("SELECT * FROM takedown.request WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(Takedowns::request)
                .optional();
    }

    List<TakedownRequest> ofCase(CaseRef caseRef) {
        return jdbc.sql("SELECT * FROM takedown.request WHERE case_ref = :ref ORDER BY host, created_at, id")
                .param("ref", caseRef.value())
                .query(Takedowns::request)
                .list();
    }

    List<TakedownRequest> ofHelpRequest(UUID helpRequest) {
        return jdbc.sql("SELECT * FROM takedown.request WHERE help_request_ref = :ref ORDER BY created_at, id")
                .param("ref", helpRequest)
                .query(Takedowns::request)
                .list();
    }

    List<TakedownRequest> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM takedown.request WHERE id IN (:ids) ORDER BY host, created_at, id")
                .param("ids", ids)
                .query(Takedowns::request)
                .list();
    }

    boolean urlKnownInCase(CaseRef caseRef, String urlKey) {
        return jdbc.sql("SELECT count(*) FROM takedown.request WHERE case_ref = :ref AND url_key = :key")
                        .param("ref", caseRef.value())
                        .param("key", urlKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The workspace list: newest first, for one organisation or (null) all. */
    List<TakedownRequest> recent(@Nullable UUID organisation, @Nullable TakedownStatus status, int limit) {
        return jdbc.sql("""
                        SELECT * FROM takedown.request
                        WHERE (CAST(:org AS uuid) IS NULL OR organisation_id = :org)
                          AND (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY created_at DESC, id LIMIT :limit
                        """)
                .param("org", organisation)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(Takedowns::request)
                .list();
    }

    /** Counts per status, for the workspace summary. */
    List<Object[]> countsByStatus(@Nullable UUID organisation) {
        return jdbc.sql("""
                        SELECT status, count(*) AS n FROM takedown.request
                        WHERE CAST(:org AS uuid) IS NULL OR organisation_id = :org GROUP BY status
                        """)
                .param("org", organisation)
                .query((rs, row) -> new Object[] {rs.getString("status"), rs.getLong("n")})
                .list();
    }

    List<TakedownRequest> overdue(@Nullable UUID organisation, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM takedown.request
                        WHERE (CAST(:org AS uuid) IS NULL OR organisation_id = :org)
                          AND status <> 'REMOVED' AND deadline_at IS NOT NULL AND deadline_at <= :now
                        ORDER BY deadline_at LIMIT 200
                        """)
                .param("org", organisation)
                .param("now", ts(now))
                .query(Takedowns::request)
                .list();
    }

    List<CaseRef> recentCases(@Nullable UUID organisation, int limit) {
        return jdbc.sql("""
                        SELECT case_ref FROM takedown.request
                        WHERE CAST(:org AS uuid) IS NULL OR organisation_id = :org
                        GROUP BY case_ref ORDER BY max(created_at) DESC LIMIT :limit
                        """)
                .param("org", organisation)
                .param("limit", limit)
                .query((rs, row) -> new CaseRef(rs.getObject("case_ref", UUID.class)))
                .list();
    }

    /** Requests whose check is due, oldest due first. */
    List<TakedownRequest> dueForCheck(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM takedown.request WHERE status <> 'REMOVED' AND next_check_at <= :now
                        ORDER BY next_check_at LIMIT :limit
                        """)
                .param("now", ts(now))
                .param("limit", limit)
                .query(Takedowns::request)
                .list();
    }

    /** Requests past their deadline that are neither removed nor escalated yet. */
    List<TakedownRequest> pastDeadline(Instant now) {
        return jdbc.sql("""
                        SELECT * FROM takedown.request
                        WHERE status IN ('SENT', 'RECEIPT_CONFIRMED', 'NO_RESPONSE') AND deadline_at <= :now
                        ORDER BY deadline_at
                        """).param("now", ts(now)).query(Takedowns::request).list();
    }

    void changeStatus(TakedownRequestId id, TakedownStatus status, Instant at, String actor, @Nullable String reason) {
        String column = switch (status) {
            case QUEUED -> "queued_at";
            case SENT -> "sent_at";
            case RECEIPT_CONFIRMED -> "receipt_confirmed_at";
            case REMOVED -> "removed_at";
            case REFUSED -> "refused_at";
            case NO_RESPONSE -> "no_response_at";
            case ESCALATED -> "escalated_at";
            case DRAFT -> null;
        };
        String set = column == null ? "" : ", " + column + " = COALESCE(" + column + ", :at)";
        jdbc.sql("UPDATE takedown.request SET status = :status" + set + " WHERE id = :id")
                .param("id", id.value())
                .param("status", status.name())
                .param("at", ts(at))
                .update();
        history(id, status.name(), at, actor, reason);
    }

    void history(TakedownRequestId id, String status, Instant at, String actor, @Nullable String reason) {
        jdbc.sql("""
                        INSERT INTO takedown.status_change (request_id, status, at, actor, reason)
                        VALUES (:id, :status, :at, :actor, :reason)
                        """)
                .param("id", id.value())
                .param("status", status)
                .param("at", ts(at))
                .param("actor", actor)
                .param("reason", reason)
                .update();
    }

    void markSent(TakedownRequestId id, Instant sentAt, Instant deadline, Instant firstCheck) {
        jdbc.sql("""
                        UPDATE takedown.request SET sent_at = COALESCE(sent_at, :sent),
                            deadline_at = COALESCE(deadline_at, :deadline),
                            next_check_at = LEAST(next_check_at, :check)
                        WHERE id = :id
                        """)
                .param("id", id.value())
                .param("sent", ts(sentAt))
                .param("deadline", ts(deadline))
                .param("check", ts(firstCheck))
                .update();
    }

    void setRefusal(TakedownRequestId id, Instant at, String reason) {
        jdbc.sql("UPDATE takedown.request SET refused_at = COALESCE(refused_at, :at), refusal_reason = :reason "
                        + "WHERE id = :id")
                .param("id", id.value())
                .param("at", ts(at))
                .param("reason", reason)
                .update();
    }

    void setReceipt(TakedownRequestId id, Instant at) {
        jdbc.sql(
                        "UPDATE takedown.request SET receipt_confirmed_at = COALESCE(receipt_confirmed_at, :at) WHERE id = :id")
                .param("id", id.value())
                .param("at", ts(at))
                .update();
    }

    void setRemovalDetectedBy(TakedownRequestId id, String by) {
        jdbc.sql("UPDATE takedown.request SET removal_detected_by = :by WHERE id = :id")
                .param("id", id.value())
                .param("by", by)
                .update();
    }

    void setEscalationRoute(TakedownRequestId id, String route) {
        jdbc.sql("UPDATE takedown.request SET escalation_route = :route WHERE id = :id")
                .param("id", id.value())
                .param("route", route)
                .update();
    }

    void updateContact(TakedownRequestId id, HostContact contact) {
        jdbc.sql("""
                        UPDATE takedown.request SET platform_id = :platform, provider = :provider,
                            contact_channel = :channel, contact_address = :address, country = :country,
                            language = :language, contact_source = :source, contact_problem = :problem
                        WHERE id = :id
                        """)
                .param("id", id.value())
                .param("platform", contact.platformId())
                .param("provider", contact.provider())
                .param("channel", contact.channel().name())
                .param("address", contact.address())
                .param("country", contact.country())
                .param("language", contact.language())
                .param("source", contact.source().name())
                .param("problem", contact.problem())
                .update();
    }

    void recordCheck(
            TakedownRequestId id,
            Instant at,
            String outcome,
            @Nullable Integer httpStatus,
            int redirects,
            @Nullable Integer pdqDistance,
            Instant nextCheck) {
        jdbc.sql("""
                        INSERT INTO takedown.check_result (request_id, checked_at, outcome, http_status, redirects,
                            pdq_distance)
                        VALUES (:id, :at, :outcome, :status, :redirects, :distance)
                        """)
                .param("id", id.value())
                .param("at", ts(at))
                .param("outcome", outcome)
                .param("status", httpStatus)
                .param("redirects", redirects)
                .param("distance", pdqDistance)
                .update();
        jdbc.sql("""
                        UPDATE takedown.request SET last_checked_at = :at, last_check_outcome = :outcome,
                            last_check_status = :status, next_check_at = :next
                        WHERE id = :id
                        """)
                .param("id", id.value())
                .param("at", ts(at))
                .param("outcome", outcome)
                .param("status", httpStatus)
                .param("next", ts(nextCheck))
                .update();
    }

    /**
     * Records many checks that did not change a request's status, in two batched statements. A
     * check row is only kept when the answer differs from the previous one (status code or
     * outcome), so the history shows changes, not every hourly poll; the request always carries
     * its last check.
     */
    void recordChecks(List<Rechecks.Checked> checks, Instant at, Instant nextCheck) {
        if (checks.isEmpty()) {
            return;
        }
        Timestamp when = ts(at);
        Timestamp next = ts(nextCheck);
        List<Object[]> changed = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>(checks.size());
        for (Rechecks.Checked c : checks) {
            TakedownRequest r = c.request();
            Rechecks.Result result = c.result();
            String outcome = result.outcome().name();
            if (!outcome.equals(r.lastCheckOutcome()) || !Objects.equals(result.httpStatus(), r.lastCheckStatus())) {
                changed.add(new Object[] {
                    r.id().value(), when, outcome, result.httpStatus(), result.redirects(), result.pdqDistance()
                });
            }
            updates.add(new Object[] {when, outcome, result.httpStatus(), next, r.id().value()});
        }
        if (!changed.isEmpty()) {
            jdbcTemplate.batchUpdate(
                    "INSERT INTO takedown.check_result (request_id, checked_at, outcome, http_status, redirects, "
                            + "pdq_distance) VALUES (?, ?, ?, ?, ?, ?)",
                    changed,
                    new int[] {Types.OTHER, Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER
                    });
        }
        jdbcTemplate.batchUpdate(
                "UPDATE takedown.request SET last_checked_at = ?, last_check_outcome = ?, last_check_status = ?, "
                        + "next_check_at = ? WHERE id = ?",
                updates,
                new int[] {Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP, Types.OTHER});
    }

    void scheduleCheck(TakedownRequestId id, Instant at) {
        jdbc.sql("UPDATE takedown.request SET next_check_at = :at WHERE id = :id")
                .param("id", id.value())
                .param("at", ts(at))
                .update();
    }

    void unlinkHelpRequest(UUID helpRequest) {
        jdbc.sql("UPDATE takedown.request SET help_request_ref = NULL WHERE help_request_ref = :ref")
                .param("ref", helpRequest)
                .update();
    }

    /**
     * Removes every request, notice, hash and the data key of a case, keeping only the anonymous
     * outcome of sent requests for the figures (see V51). Returns how many requests went.
     */
    int eraseCase(CaseRef caseRef, Instant at) {
        jdbc.sql("""
                        INSERT INTO takedown.erased_outcome (host, provider, country, form_code, sent_at, removed_at,
                                                             erased_at)
                        SELECT host, provider, country, form_code, sent_at, removed_at, :at
                        FROM takedown.request WHERE case_ref = :ref AND sent_at IS NOT NULL
                        """)
                .param("ref", caseRef.value())
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("DELETE FROM takedown.notice WHERE case_ref = :ref")
                .param("ref", caseRef.value())
                .update();
        int requests = jdbc.sql("DELETE FROM takedown.request WHERE case_ref = :ref")
                .param("ref", caseRef.value())
                .update();
        jdbc.sql("DELETE FROM takedown.case_hash WHERE case_ref = :ref")
                .param("ref", caseRef.value())
                .update();
        jdbc.sql("DELETE FROM takedown.case_key WHERE case_ref = :ref")
                .param("ref", caseRef.value())
                .update();
        return requests;
    }

    /** Removes staff notes and explanations of a case's requests (retention of free text). */
    int eraseFreeText(CaseRef caseRef) {
        int notes = jdbc.sql("""
                        DELETE FROM takedown.note n USING takedown.request r
                        WHERE n.request_id = r.id AND r.case_ref = :ref
                        """).param("ref", caseRef.value()).update();
        jdbc.sql("UPDATE takedown.request SET explanation_ct = NULL WHERE case_ref = :ref")
                .param("ref", caseRef.value())
                .update();
        return notes;
    }

    /** A staff note as stored (encrypted). */
    record StoredNote(Instant at, String author, byte[] ciphertext) {}

    void addNote(TakedownRequestId id, Instant at, String author, byte[] ciphertext) {
        jdbc.sql("INSERT INTO takedown.note (request_id, at, author, text_ct) VALUES (:id, :at, :author, :ct)")
                .param("id", id.value())
                .param("at", ts(at))
                .param("author", author)
                .param("ct", ciphertext)
                .update();
    }

    List<StoredNote> notes(TakedownRequestId id) {
        return jdbc.sql("SELECT at, author, text_ct FROM takedown.note WHERE request_id = :id ORDER BY at, id")
                .param("id", id.value())
                .query((rs, row) -> new StoredNote(
                        rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getBytes("text_ct")))
                .list();
    }

    /** One row of a request's history. */
    record StatusChange(
            String status,
            Instant at,
            String actor,
            @Nullable String reason) {}

    List<StatusChange> history(TakedownRequestId id) {
        return jdbc.sql("SELECT * FROM takedown.status_change WHERE request_id = :id ORDER BY at, id")
                .param("id", id.value())
                .query((rs, row) -> new StatusChange(
                        rs.getString("status"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("reason")))
                .list();
    }

    /** One re-check as recorded. */
    record Check(
            Instant at,
            String outcome,
            @Nullable Integer httpStatus,
            int redirects,
            @Nullable Integer pdqDistance) {}

    List<Check> checks(TakedownRequestId id, int limit) {
        return jdbc.sql("SELECT * FROM takedown.check_result WHERE request_id = :id ORDER BY checked_at DESC, id DESC "
                        + "LIMIT :limit")
                .param("id", id.value())
                .param("limit", limit)
                .query((rs, row) -> new Check(
                        rs.getTimestamp("checked_at").toInstant(),
                        rs.getString("outcome"),
                        (Integer) rs.getObject("http_status"),
                        rs.getInt("redirects"),
                        (Integer) rs.getObject("pdq_distance")))
                .list();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static TakedownRequest request(ResultSet rs, int row) throws SQLException {
        HostContact contact = new HostContact(
                rs.getString("provider"),
                HostContact.Channel.valueOf(rs.getString("contact_channel")),
                rs.getString("contact_address"),
                rs.getString("country"),
                rs.getString("language"),
                HostContact.Source.valueOf(rs.getString("contact_source")),
                rs.getObject("platform_id", UUID.class),
                rs.getString("contact_problem"));
        return new TakedownRequest(
                new TakedownRequestId(rs.getObject("id", UUID.class)),
                new CaseRef(rs.getObject("case_ref", UUID.class)),
                rs.getObject("help_request_ref", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getBytes("url_ct"),
                rs.getString("host"),
                rs.getString("host_display"),
                rs.getString("form_code"),
                rs.getString("taxonomy_version"),
                rs.getBoolean("minor"),
                rs.getBytes("explanation_ct"),
                contact,
                TakedownStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                instant(rs, "queued_at"),
                instant(rs, "sent_at"),
                instant(rs, "deadline_at"),
                instant(rs, "receipt_confirmed_at"),
                instant(rs, "removed_at"),
                rs.getString("removal_detected_by"),
                instant(rs, "refused_at"),
                rs.getString("refusal_reason"),
                instant(rs, "no_response_at"),
                instant(rs, "escalated_at"),
                rs.getString("escalation_route"),
                instant(rs, "last_checked_at"),
                rs.getString("last_check_outcome"),
                (Integer) rs.getObject("last_check_status"),
                rs.getTimestamp("next_check_at").toInstant());
    }
}
