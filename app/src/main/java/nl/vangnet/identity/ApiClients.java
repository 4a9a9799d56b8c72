package nl.vangnet.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API clients, stored in {@code identity.api_client}. */
@Repository
class ApiClients {

    private final JdbcClient jdbc;

    ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ApiClient client, String keyHash) {
        jdbc.sql("""
                        INSERT INTO identity.api_client (id, name, organisation_id, key_prefix, key_hash, scopes,
                            requests_per_minute, created_at, created_by)
                        VALUES (:id, :name, :org, :prefix, :hash, :scopes::text[], :rate, :at, :by)
                        """)
                .param("id", client.id())
                .param("name", client.name())
                .param("org", client.organisationId().value())
                .param("prefix", client.keyPrefix())
                .param("hash", keyHash)
                .param(
                        "scopes",
                        client.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}")))
                .param("rate", client.requestsPerMinute())
                .param("at", Timestamp.from(client.createdAt()))
                .param("by", client.createdBy())
                .update();
    }

    List<ApiClient> all() {
        return jdbc.sql("SELECT * FROM identity.api_client ORDER BY created_at DESC")
                .query(ApiClients::map)
                .list();
    }

    /** The client and its key hash for a prefix, if any. */
    Optional<Stored> byPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM identity.api_client WHERE key_prefix = :p")
                .param("p", prefix)
                .query((rs, row) -> new Stored(map(rs, row), rs.getString("key_hash")))
                .optional();
    }

    boolean revoke(UUID id, Instant at) {
        return jdbc.sql("UPDATE identity.api_client SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    record Stored(ApiClient client, String keyHash) {}

    private static ApiClient map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiClient(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("key_prefix"),
                Arrays.stream((String[]) rs.getArray("scopes").getArray())
                        .map(ApiScope::valueOf)
                        .collect(Collectors.toSet()),
                rs.getInt("requests_per_minute"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant());
    }
}
