package nl.vangnet.cases;

/** Kinds of task the application adds to a case for its owning organisation. */
public enum SystemTask {
    /**
     * A platform stopped an upload of one of the victim's images (its hash matched a bank): someone
     * is trying to spread it again. Check with the victim and look for other places it may be.
     */
    PLATFORM_MATCH
}
