package nl.vangnet.cases;

import java.util.Set;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffAccountId;
import nl.vangnet.identity.StaffPrincipal;

/**
 * The staff member reading or changing a case, with what their roles allow. Hotline and care
 * staff work on the cases their organisation owns and on cases shared with it; police staff see
 * only cases shared with their organisation, and must give a reason to open one; administrators
 * and researchers never see case content (they get aggregates and pseudonymised exports only).
 */
public record Viewer(
        StaffAccountId accountId, String username, String displayName, OrganisationId organisationId, Set<Role> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public static Viewer of(StaffPrincipal principal) {
        return new Viewer(
                principal.accountId(),
                principal.getUsername(),
                principal.displayName(),
                principal.organisationId(),
                principal.roles());
    }

    /** Works on cases: opens, codes, triages, messages. */
    public boolean caseworker() {
        return roles.contains(Role.HOTLINE) || roles.contains(Role.CARE);
    }

    public boolean police() {
        return roles.contains(Role.POLICE);
    }

    /** May see case content at all (only ever within the SQL scope). */
    public boolean mayRead() {
        return caseworker() || police();
    }

    /** May work on cases its organisation owns; police never own cases. */
    public boolean mayOwn() {
        return caseworker();
    }

    /** Police must say why they open a case; the reason goes into the audit trail. */
    public boolean needsReason() {
        return police();
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean researcher() {
        return roles.contains(Role.RESEARCHER);
    }
}
