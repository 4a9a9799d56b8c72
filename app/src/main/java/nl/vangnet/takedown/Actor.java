package nl.vangnet.takedown;

import java.util.UUID;
import nl.vangnet.cases.Viewer;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Who acts, for audit entries and scoping: staff see their own organisation's requests, and
 * nobody else's (administrators included: like case files, takedown requests hold what happened
 * to a victim). The {@code viewer} is how the cases module knows the same person; it is null for
 * the system acting on a victim's own answers.
 */
record Actor(String username, UUID organisationId, @Nullable Viewer viewer) {

    static Actor of(StaffPrincipal principal) {
        return new Actor(principal.getUsername(), principal.organisationId().value(), Viewer.of(principal));
    }

    /** The application itself, working for the organisation that owns a case. */
    static Actor system(OrganisationId organisation) {
        return new Actor("system", organisation.value(), null);
    }

    boolean maySee(TakedownRequest request) {
        return request.organisationId().equals(organisationId);
    }
}
