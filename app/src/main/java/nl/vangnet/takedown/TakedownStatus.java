package nl.vangnet.takedown;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a takedown request stands. The happy path is draft → queued → sent → receipt confirmed →
 * removed; a host may refuse, or not answer before the deadline (no response), and then the
 * request is escalated to a hotline or authority route. Removed is final.
 */
public enum TakedownStatus {
    /** Created; no notice yet. */
    DRAFT,
    /** A notice exists but has not reached the host yet (mail retrying, or a web form still to submit). */
    QUEUED,
    /** The notice reached the host; the deadline runs from here. */
    SENT,
    /** The host confirmed it received the notice. */
    RECEIPT_CONFIRMED,
    /** The content is no longer served. */
    REMOVED,
    /** The host declined to remove it. */
    REFUSED,
    /** The deadline passed without an answer from the host. */
    NO_RESPONSE,
    /** Handed to the escalation route (a hotline or authority). */
    ESCALATED;

    /** The statuses in which the URL may still be online and is therefore re-checked. */
    public static final Set<TakedownStatus> OPEN =
            EnumSet.of(DRAFT, QUEUED, SENT, RECEIPT_CONFIRMED, REFUSED, NO_RESPONSE, ESCALATED);

    public boolean isOpen() {
        return this != REMOVED;
    }

    /** Whether a request in this status may move to {@code next}. */
    public boolean canMoveTo(TakedownStatus next) {
        return switch (this) {
            case DRAFT -> next == QUEUED || next == SENT || next == REMOVED;
            case QUEUED -> next == SENT || next == REMOVED;
            case SENT ->
                next == RECEIPT_CONFIRMED
                        || next == REMOVED
                        || next == REFUSED
                        || next == NO_RESPONSE
                        || next == ESCALATED;
            case RECEIPT_CONFIRMED -> next == REMOVED || next == REFUSED || next == ESCALATED;
            case NO_RESPONSE -> next == RECEIPT_CONFIRMED || next == REMOVED || next == REFUSED || next == ESCALATED;
            case REFUSED -> next == REMOVED || next == ESCALATED;
            case ESCALATED -> next == REMOVED;
            case REMOVED -> false;
        };
    }
}
