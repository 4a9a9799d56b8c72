package nl.vangnet.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which directory entry each staff organisation is, and which organisation receives portal
 * requests. A victim consents to share with a directory entry (e.g. {@code politie}); this link
 * turns that into the staff organisation whose people may then see the case.
 */
@Repository
class OrganisationLinks {

    private final JdbcClient jdbc;

    OrganisationLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One link. */
    record Link(OrganisationId organisation, @Nullable String directorySlug, boolean receivesPortalRequests) {}

    List<Link> all() {
        return jdbc.sql("SELECT * FROM cases.organisation_link ORDER BY directory_slug NULLS LAST")
                .query((rs, n) -> new Link(
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        rs.getString("directory_slug"),
                        rs.getBoolean("receives_portal_requests")))
                .list();
    }

    Optional<OrganisationId> organisationFor(String slug) {
        return jdbc.sql("SELECT organisation_id FROM cases.organisation_link WHERE directory_slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new OrganisationId(rs.getObject("organisation_id", UUID.class)))
                .optional();
    }

    Optional<String> slugOf(OrganisationId organisation) {
        return jdbc.sql("SELECT directory_slug FROM cases.organisation_link WHERE organisation_id = :org"
                        + " AND directory_slug IS NOT NULL")
                .param("org", organisation.value())
                .query(String.class)
                .optional();
    }

    Optional<OrganisationId> portalReceiver() {
        return jdbc.sql("SELECT organisation_id FROM cases.organisation_link WHERE receives_portal_requests")
                .query((rs, n) -> new OrganisationId(rs.getObject("organisation_id", UUID.class)))
                .optional();
    }

    /** Sets one organisation's directory entry (or none). The slug moves if another organisation had it. */
    void link(OrganisationId organisation, @Nullable String slug) {
        if (slug != null) {
            jdbc.sql("UPDATE cases.organisation_link SET directory_slug = NULL WHERE directory_slug = :slug"
                            + " AND organisation_id <> :org")
                    .param("slug", slug)
                    .param("org", organisation.value())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO cases.organisation_link (organisation_id, directory_slug) VALUES (:org, :slug)
                        ON CONFLICT (organisation_id) DO UPDATE SET directory_slug = excluded.directory_slug
                        """).param("org", organisation.value()).param("slug", slug).update();
    }

    void setPortalReceiver(OrganisationId organisation) {
        jdbc.sql("UPDATE cases.organisation_link SET receives_portal_requests = false WHERE receives_portal_requests")
                .update();
        jdbc.sql("""
                        INSERT INTO cases.organisation_link (organisation_id, receives_portal_requests) VALUES (:org, true)
                        ON CONFLICT (organisation_id) DO UPDATE SET receives_portal_requests = true
                        """).param("org", organisation.value()).update();
    }
}
