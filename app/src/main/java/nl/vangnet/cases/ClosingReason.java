package nl.vangnet.cases;

/** Why a case was closed: counted in statistics, so a closed list. */
public enum ClosingReason {
    HELPED,
    REFERRED_ON,
    NOT_REACHED,
    VICTIM_STOPPED,
    NO_HELP_NEEDED,
    DUPLICATE,
    DELETED_BY_VICTIM,
    OTHER
}
