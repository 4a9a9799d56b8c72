package nl.vangnet.takedown;

import java.time.Instant;

/** The deadline passed without the host confirming receipt or removing the content. */
public record TakedownNoResponse(TakedownRequestId requestId, CaseRef caseRef, Instant deadlineAt, String host) {}
