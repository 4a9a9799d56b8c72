package nl.vangnet.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.pdq.PdqHash;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the matching schema. */
@Repository
class HashBankStore {

    private static final long FEED_LOCK = 0x7661_6e67_6e65_7402L;

    private final JdbcClient jdbc;

    HashBankStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Bank> banks() {
        return jdbc.sql("SELECT id, kind, threshold FROM matching.bank ORDER BY id")
                .query((rs, row) ->
                        new Bank(rs.getString("id"), BankKind.valueOf(rs.getString("kind")), rs.getInt("threshold")))
                .list();
    }

    /** Inserts a hash and its ADDED change; call inside a transaction. */
    /**
     * Whether this very hash is already in the bank from the same source under the same consent:
     * the hand-over of submitted hashes is delivered at least once, so a second delivery must
     * not bank the same image twice.
     */
    boolean alreadyBanked(String bankId, HashSource source, UUID sourceId, UUID consentId, PdqHash pdq) {
        lockFeed(); // held to the end of the transaction, so a parallel delivery waits and then sees this one
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM matching.hash
                                        WHERE bank_id = :bank AND source_type = :source AND source_id = :sourceId
                                          AND consent_id = :consent AND pdq = :pdq)
                        """)
                .param("bank", bankId)
                .param("source", source.name())
                .param("sourceId", sourceId)
                .param("consent", consentId)
                .param("pdq", pdq.toBytes())
                .query(Boolean.class)
                .single();
    }

    long insert(
            UUID reference,
            String bankId,
            PdqHash pdq,
            int quality,
            byte @Nullable [] sha256,
            HashSource source,
            @Nullable UUID sourceId,
            @Nullable UUID consentId,
            @Nullable UUID owner,
            Instant at,
            String actor) {
        lockFeed();
        long seq = jdbc.sql("""
                        INSERT INTO matching.hash (reference, bank_id, pdq, quality, sha256, source_type, source_id,
                            consent_id, owner_organisation, added_at, added_by)
                        VALUES (:ref, :bank, :pdq, :quality, :sha, :source, :sourceId, :consent, :owner, :at, :actor)
                        RETURNING seq
                        """)
                .param("ref", reference)
                .param("bank", bankId)
                .param("pdq", pdq.toBytes())
                .param("quality", quality)
                .param("sha", sha256)
                .param("source", source.name())
                .param("sourceId", sourceId)
                .param("consent", consentId)
                .param("owner", owner)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .query(Long.class)
                .single();
        change(seq, "ADDED", at);
        return seq;
    }

    /** Marks active hashes withdrawn and logs WITHDRAWN changes; returns their references. */
    List<UUID> withdraw(String where, java.util.Map<String, Object> params, Instant at, String actor) {
        lockFeed();
        List<Object[]> rows = jdbc.sql("UPDATE matching.hash SET withdrawn_at = :at, withdrawn_by = :actor WHERE "
                        + where + " AND withdrawn_at IS NULL RETURNING seq, reference")
                .params(params)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .query((rs, row) -> new Object[] {rs.getLong("seq"), rs.getObject("reference", UUID.class)})
                .list();
        for (Object[] row : rows) {
            change((Long) row[0], "WITHDRAWN", at);
        }
        return rows.stream().map(r -> (UUID) r[1]).toList();
    }

    private void change(long seq, String kind, Instant at) {
        jdbc.sql("INSERT INTO matching.change (hash_seq, kind, at) VALUES (:seq, :kind, :at)")
                .param("seq", seq)
                .param("kind", kind)
                .param("at", Timestamp.from(at))
                .update();
    }

    private void lockFeed() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", FEED_LOCK)
                .query()
                .singleRow();
    }

    /** One row of the change feed, joined with its hash. */
    record Change(
            long cursor,
            String kind,
            Instant at,
            BankedHash hash,
            @Nullable UUID owner) {}

    List<Change> changesAfter(long cursor, int limit) {
        return jdbc.sql("""
                        SELECT c.cursor, c.kind, c.at, h.*
                          FROM matching.change c JOIN matching.hash h ON h.seq = c.hash_seq
                         WHERE c.cursor > :cursor
                         ORDER BY c.cursor
                         LIMIT :limit
                        """)
                .param("cursor", cursor)
                .param("limit", limit)
                .query((rs, row) -> new Change(
                        rs.getLong("cursor"),
                        rs.getString("kind"),
                        rs.getTimestamp("at").toInstant(),
                        hash(rs),
                        rs.getObject("owner_organisation", UUID.class)))
                .list();
    }

    long lastCursor() {
        return jdbc.sql("SELECT coalesce(max(cursor), 0) FROM matching.change")
                .query(Long.class)
                .single();
    }

    Optional<BankedHash> byReference(UUID reference) {
        return jdbc.sql("SELECT * FROM matching.hash WHERE reference = :ref")
                .param("ref", reference)
                .query((rs, row) -> hash(rs))
                .optional();
    }

    List<BankedHash> recent(String bankId, int limit) {
        return jdbc.sql("SELECT * FROM matching.hash WHERE bank_id = :bank ORDER BY seq DESC LIMIT :limit")
                .param("bank", bankId)
                .param("limit", limit)
                .query((rs, row) -> hash(rs))
                .list();
    }

    void recordMatch(UUID id, long hashSeq, UUID client, int distance, Instant at) {
        jdbc.sql("""
                        INSERT INTO matching.match_record (id, hash_seq, api_client_id, distance, matched_at)
                        VALUES (:id, :seq, :client, :distance, :at)
                        """)
                .param("id", id)
                .param("seq", hashSeq)
                .param("client", client)
                .param("distance", distance)
                .param("at", Timestamp.from(at))
                .update();
    }

    void recordFeedback(long hashSeq, UUID client, Verdict verdict, Instant at) {
        jdbc.sql("""
                        INSERT INTO matching.feedback (id, hash_seq, api_client_id, verdict, at)
                        VALUES (:id, :seq, :client, :verdict, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("seq", hashSeq)
                .param("client", client)
                .param("verdict", verdict.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    List<BankStatistics> statistics() {
        return jdbc.sql("""
                        SELECT b.id,
                               (SELECT count(*) FROM matching.hash h WHERE h.bank_id = b.id AND h.withdrawn_at IS NULL) AS active,
                               (SELECT count(*) FROM matching.hash h WHERE h.bank_id = b.id AND h.withdrawn_at IS NOT NULL) AS withdrawn,
                               (SELECT count(*) FROM matching.match_record m JOIN matching.hash h ON h.seq = m.hash_seq
                                 WHERE h.bank_id = b.id) AS matches,
                               (SELECT count(*) FROM matching.feedback f JOIN matching.hash h ON h.seq = f.hash_seq
                                 WHERE h.bank_id = b.id AND f.verdict = 'TRUE_POSITIVE') AS confirmed,
                               (SELECT count(*) FROM matching.feedback f JOIN matching.hash h ON h.seq = f.hash_seq
                                 WHERE h.bank_id = b.id AND f.verdict = 'FALSE_POSITIVE') AS rejected
                          FROM matching.bank b ORDER BY b.id
                        """)
                .query((rs, row) -> new BankStatistics(
                        rs.getString("id"),
                        rs.getLong("active"),
                        rs.getLong("withdrawn"),
                        rs.getLong("matches"),
                        rs.getLong("confirmed"),
                        rs.getLong("rejected")))
                .list();
    }

    private static BankedHash hash(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new BankedHash(
                rs.getLong("seq"),
                rs.getObject("reference", UUID.class),
                rs.getString("bank_id"),
                PdqHash.fromBytes(rs.getBytes("pdq")),
                rs.getInt("quality"),
                HashSource.valueOf(rs.getString("source_type")),
                rs.getObject("source_id", UUID.class),
                rs.getTimestamp("added_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }
}
