package nl.vangnet.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and verifies the hash-chained audit trail. Appending joins the caller's transaction
 * (so an action and its record commit or roll back together) and takes a transaction-scoped
 * advisory lock, so concurrent appends form one chain without gaps or forks.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x7661_6e67_6e65_7401L;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public long record(
            String actor,
            AuditAction action,
            @Nullable String subjectType,
            @Nullable String subjectId,
            @Nullable String reason,
            Map<String, String> detail) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", CHAIN_LOCK)
                .query()
                .singleRow();
        Optional<Map<String, Object>> last =
                jdbc.sql("SELECT seq, hash FROM audit.entry ORDER BY seq DESC LIMIT 1").query().listOfRows().stream()
                        .findFirst();
        long seq = last.map(row -> ((Number) row.get("seq")).longValue() + 1).orElse(1L);
        String previous = last.map(row -> (String) row.get("hash")).orElse(GENESIS);
        // Microsecond precision: what PostgreSQL stores, so the hash recomputes exactly.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String canonicalDetail = canonical(detail);
        String hash = hash(previous, seq, now, actor, action.name(), subjectType, subjectId, reason, canonicalDetail);
        jdbc.sql("""
                        INSERT INTO audit.entry (seq, occurred_at, actor, action, subject_type, subject_id, reason,
                                                 detail, prev_hash, hash)
                        VALUES (:seq, :at, :actor, :action, :subjectType, :subjectId, :reason, :detail, :prev, :hash)
                        """)
                .param("seq", seq)
                .param("at", Timestamp.from(now))
                .param("actor", actor)
                .param("action", action.name())
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("reason", reason)
                .param("detail", canonicalDetail)
                .param("prev", previous)
                .param("hash", hash)
                .update();
        return seq;
    }

    public long record(String actor, AuditAction action, @Nullable String subjectType, @Nullable String subjectId) {
        return record(actor, action, subjectType, subjectId, null, Map.of());
    }

    /** Walks the whole chain; the result names the first entry whose hash or link does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String previous = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> entries = jdbc.sql("SELECT * FROM audit.entry ORDER BY seq")
                .query(AuditTrail::entry)
                .list();
        for (AuditEntry e : entries) {
            String recomputed = hash(
                    e.previousHash(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.action(),
                    e.subjectType(),
                    e.subjectId(),
                    e.reason(),
                    e.detail());
            if (e.seq() != expectedSeq || !e.previousHash().equals(previous) || !recomputed.equals(e.hash())) {
                return new Verification(false, checked, expectedSeq);
            }
            previous = e.hash();
            expectedSeq++;
            checked++;
        }
        return new Verification(true, checked, null);
    }

    /** The entries about one subject, newest first: e.g. who viewed a case. */
    @Transactional(readOnly = true)
    public List<AuditEntry> about(String subjectType, String subjectId) {
        return jdbc.sql("SELECT * FROM audit.entry WHERE subject_type = :t AND subject_id = :id ORDER BY seq DESC")
                .param("t", subjectType)
                .param("id", subjectId)
                .query(AuditTrail::entry)
                .list();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit.entry ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query(AuditTrail::entry)
                .list();
    }

    /**
     * The result of a verification.
     *
     * @param intact true when every entry links to its predecessor and its hash recomputes
     * @param entriesChecked how many entries were found intact before the first broken one
     * @param firstBrokenSeq the sequence number of the first broken (or missing) entry, if any
     */
    public record Verification(
            boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq) {}

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("reason"),
                rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static String canonical(Map<String, String> detail) {
        return new TreeMap<>(detail)
                .entrySet().stream()
                        .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
    }

    static String hash(
            String previous,
            long seq,
            Instant at,
            String actor,
            String action,
            @Nullable String subjectType,
            @Nullable String subjectId,
            @Nullable String reason,
            String detail) {
        // Length-prefixed fields: no two different entries can produce the same input.
        StringBuilder input = new StringBuilder();
        for (String field : new String[] {
            previous,
            Long.toString(seq),
            at.toString(),
            actor,
            action,
            String.valueOf(subjectType),
            String.valueOf(subjectId),
            String.valueOf(reason),
            detail
        }) {
            input.append(field.length()).append(':').append(field).append(';');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
