package nl.vangnet.takedown;

import java.util.UUID;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffPrincipal;

/**
 * Who acts, for audit entries and scoping: staff see their own organisation's requests, and
 * administrators see all.
 */
record Actor(String username, UUID organisationId, boolean admin) {

    static Actor of(StaffPrincipal principal) {
        return new Actor(principal.getUsername(), principal.organisationId().value(), principal.hasRole(Role.ADMIN));
    }

    boolean maySee(TakedownRequest request) {
        return admin || request.organisationId().equals(organisationId);
    }
}
