package nl.vangnet.takedown;

import java.time.Instant;

/**
 * The request was handed to an escalation route because the host did not act in time.
 *
 * @param route {@code DEFAULT} or {@code MINOR} (the route for child sexual abuse material)
 * @param automatic true when the deadline watch escalated it, false when staff did
 */
public record TakedownEscalated(
        TakedownRequestId requestId,
        CaseRef caseRef,
        Instant escalatedAt,
        String host,
        String route,
        boolean automatic) {}
