package nl.vangnet.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff accounts, stored in {@code identity.staff_account}. */
@Repository
class StaffAccounts {

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(StaffAccount account, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO identity.staff_account (id, username, display_name, organisation_id, password_hash,
                            roles, enabled, must_change_password, created_at, password_changed_at)
                        VALUES (:id, :username, :displayName, :org, :hash, :roles::text[], :enabled, :mustChange,
                            :at, :at)
                        """)
                .param("id", account.id().value())
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("org", account.organisationId().value())
                .param("hash", passwordHash)
                .param("roles", rolesLiteral(account.roles()))
                .param("enabled", account.enabled())
                .param("mustChange", account.mustChangePassword())
                .param("at", Timestamp.from(account.createdAt()))
                .update();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM identity.staff_account")
                .query(Long.class)
                .single();
    }

    List<StaffAccount> all() {
        return jdbc.sql("SELECT * FROM identity.staff_account ORDER BY username")
                .query(StaffAccounts::map)
                .list();
    }

    Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("SELECT * FROM identity.staff_account WHERE username = :u")
                .param("u", username)
                .query(StaffAccounts::map)
                .optional();
    }

    Optional<StaffAccount> byId(StaffAccountId id) {
        return jdbc.sql("SELECT * FROM identity.staff_account WHERE id = :id")
                .param("id", id.value())
                .query(StaffAccounts::map)
                .optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM identity.staff_account WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .optional();
    }

    void changePassword(StaffAccountId id, String hash, boolean mustChange, Instant at) {
        jdbc.sql("""
                        UPDATE identity.staff_account
                           SET password_hash = :hash, must_change_password = :mustChange, password_changed_at = :at,
                               version = version + 1
                         WHERE id = :id
                        """)
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    void setEnabled(StaffAccountId id, boolean enabled) {
        jdbc.sql("UPDATE identity.staff_account SET enabled = :enabled, version = version + 1 WHERE id = :id")
                .param("enabled", enabled)
                .param("id", id.value())
                .update();
    }

    private static String rolesLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> parsed =
                Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet());
        return new StaffAccount(
                new StaffAccountId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                parsed,
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
