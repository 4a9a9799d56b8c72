package nl.vangnet.identity;

/** The kind of organisation, which shapes what its staff see by default. */
public enum OrganisationKind {
    ADMINISTRATION,
    HOTLINE,
    CARE,
    POLICE,
    RESEARCH,
    OTHER
}
