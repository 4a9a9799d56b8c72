package nl.vangnet.intake;

/** Where a help request stands, as the victim sees it on the follow-up page. */
public enum HelpRequestStatus {
    /** Saved anonymously; no professional was asked. */
    SAVED,
    /** In the hotline queue, waiting for a professional. */
    WAITING,
    /** A professional has written back. */
    ANSWERED,
    /** Closed by a professional. */
    CLOSED
}
