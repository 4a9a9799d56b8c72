package nl.vangnet.identity;

import java.time.Instant;
import java.util.Set;

/** A staff member's account. The password hash never leaves this module. */
public record StaffAccount(
        StaffAccountId id,
        String username,
        String displayName,
        OrganisationId organisationId,
        Set<Role> roles,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        int version) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
