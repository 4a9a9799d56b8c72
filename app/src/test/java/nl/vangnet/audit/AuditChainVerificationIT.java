package nl.vangnet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An independent, read-only verification of the audit chain of any Vangnet database, runnable from
 * Maven without starting the application (no migrations, no writes):
 *
 * <pre>
 * ./mvnw -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=AuditChainVerificationIT \
 *     -Dvangnet.audit.url=jdbc:postgresql://127.0.0.1:5432/vangnet \
 *     -Dvangnet.audit.user=vangnet -Dvangnet.audit.password=...
 * </pre>
 *
 * It reads {@code audit.entry} in sequence order, recomputes every hash with the same function as
 * {@link AuditTrail} and fails naming the first entry whose sequence, link or hash does not hold.
 * Without {@code vangnet.audit.url} only the self-test runs (the verifier finds a tampered entry).
 */
class AuditChainVerificationIT {

    /** The outcome: entries checked, and the first broken sequence number (null when intact). */
    record Result(long checked, @Nullable Long firstBroken) {}

    static Result verify(Connection connection) throws SQLException {
        String previous = AuditTrail.GENESIS;
        long expected = 1;
        long checked = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            connection.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM audit.entry ORDER BY seq")) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    Instant at = rs.getTimestamp("occurred_at").toInstant();
                    String recomputed = AuditTrail.hash(
                            rs.getString("prev_hash"),
                            seq,
                            at,
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("subject_type"),
                            rs.getString("subject_id"),
                            rs.getString("reason"),
                            rs.getString("detail"));
                    if (seq != expected
                            || !rs.getString("prev_hash").equals(previous)
                            || !recomputed.equals(rs.getString("hash"))) {
                        return new Result(checked, expected);
                    }
                    previous = rs.getString("hash");
                    expected++;
                    checked++;
                }
            }
        }
        return new Result(checked, null);
    }

    @Test
    void theConfiguredDatabasesAuditChainIsIntact() throws SQLException {
        String url = System.getProperty("vangnet.audit.url", "");
        assumeTrue(!url.isBlank(), "set -Dvangnet.audit.url (and .user/.password) to verify a database");
        try (Connection connection = DriverManager.getConnection(
                url, System.getProperty("vangnet.audit.user", ""), System.getProperty("vangnet.audit.password", ""))) {
            connection.setReadOnly(true);
            Result result = verify(connection);
            System.out.println("Audit chain: " + result.checked() + " entries checked, "
                    + (result.firstBroken() == null ? "intact" : "first broken entry " + result.firstBroken()));
            assertThat(result.firstBroken()).as("first broken entry").isNull();
        }
    }

    @Test
    void theVerifierNamesTheFirstTamperedEntry() throws SQLException {
        nl.vangnet.TestDatabase.Server server = nl.vangnet.TestDatabase.server();
        String database = "vt_audit_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(server.urlFor(database), server.user(), server.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA audit");
                s.execute("CREATE TABLE audit.entry (seq bigint PRIMARY KEY, occurred_at timestamptz NOT NULL,"
                        + " actor text NOT NULL, action text NOT NULL, subject_type text, subject_id text,"
                        + " reason text, detail text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL)");
            }
            String previous = AuditTrail.GENESIS;
            Instant at = Instant.parse("2026-11-23T10:00:00Z");
            for (long seq = 1; seq <= 5; seq++) {
                String hash = AuditTrail.hash(
                        previous, seq, at, "tester", "CASE_VIEWED", "case", "c" + seq, null, "parts=SUMMARY");
                try (var insert = c.prepareStatement("INSERT INTO audit.entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, seq);
                    insert.setTimestamp(2, java.sql.Timestamp.from(at));
                    insert.setString(3, "tester");
                    insert.setString(4, "CASE_VIEWED");
                    insert.setString(5, "case");
                    insert.setString(6, "c" + seq);
                    insert.setString(7, null);
                    insert.setString(8, "parts=SUMMARY");
                    insert.setString(9, previous);
                    insert.setString(10, hash);
                    insert.executeUpdate();
                }
                previous = hash;
            }
            assertThat(verify(c)).isEqualTo(new Result(5, null));
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit.entry SET actor = 'someone-else' WHERE seq = 3");
            }
            assertThat(verify(c)).isEqualTo(new Result(2, 3L));
        } finally {
            try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
