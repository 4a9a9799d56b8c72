package nl.vangnet.identity;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations, stored in {@code identity.organisation}. */
@Repository
public class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Organisation organisation) {
        jdbc.sql("INSERT INTO identity.organisation (id, name, kind, created_at) VALUES (:id, :name, :kind, :at)")
                .param("id", organisation.id().value())
                .param("name", organisation.name())
                .param("kind", organisation.kind().name())
                .param("at", Timestamp.from(organisation.createdAt()))
                .update();
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT * FROM identity.organisation ORDER BY name")
                .query(Organisations::map)
                .list();
    }

    public Optional<Organisation> byId(OrganisationId id) {
        return jdbc.sql("SELECT * FROM identity.organisation WHERE id = :id")
                .param("id", id.value())
                .query(Organisations::map)
                .optional();
    }

    Optional<Organisation> byName(String name) {
        return jdbc.sql("SELECT * FROM identity.organisation WHERE lower(name) = lower(:name)")
                .param("name", name)
                .query(Organisations::map)
                .optional();
    }

    private static Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("created_at").toInstant());
    }
}
