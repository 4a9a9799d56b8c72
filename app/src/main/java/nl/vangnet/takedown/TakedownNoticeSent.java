package nl.vangnet.takedown;

import java.time.Instant;

/**
 * A notice about this request reached the host (by e-mail, or staff confirmed they submitted the
 * host's web form). The deadline runs from {@code sentAt}.
 *
 * @param channel {@code EMAIL} or {@code WEB_FORM}
 */
public record TakedownNoticeSent(
        TakedownRequestId requestId, CaseRef caseRef, Instant sentAt, Instant deadlineAt, String channel) {}
