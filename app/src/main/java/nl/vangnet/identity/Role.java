package nl.vangnet.identity;

/** What a staff member does; an account may hold several roles. */
public enum Role {
    ADMIN,
    HOTLINE,
    CARE,
    POLICE,
    RESEARCHER;

    public String authority() {
        return "ROLE_" + name();
    }
}
