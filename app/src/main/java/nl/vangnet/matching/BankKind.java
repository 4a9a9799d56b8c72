package nl.vangnet.matching;

/** Who the hashes in a bank come from. */
public enum BankKind {
    /** Victims' own images made when they were under 18. */
    VICTIM_MINOR,
    /** Victims' own images made as adults. */
    VICTIM_ADULT,
    /** Hashes staff collected in takedown work. */
    STAFF
}
