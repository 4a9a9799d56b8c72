package nl.vangnet.takedown;

import java.time.Instant;

/** The host confirmed it received the notice. */
public record TakedownReceiptConfirmed(TakedownRequestId requestId, CaseRef caseRef, Instant confirmedAt) {}
