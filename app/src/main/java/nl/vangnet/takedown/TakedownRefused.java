package nl.vangnet.takedown;

import java.time.Instant;

/**
 * The host declined to remove the content.
 *
 * @param reasonCode a code from a closed list (e.g. {@code not-illegal}, {@code needs-court-order})
 */
public record TakedownRefused(TakedownRequestId requestId, CaseRef caseRef, Instant refusedAt, String reasonCode) {}
