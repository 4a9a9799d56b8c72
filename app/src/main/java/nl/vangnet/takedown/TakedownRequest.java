package nl.vangnet.takedown;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One takedown request as stored: one URL (encrypted), the host it lives on and who to contact,
 * and every timestamp needed for time-to-removal. Behaviour that only needs the record lives here.
 */
record TakedownRequest(
        TakedownRequestId id,
        CaseRef caseRef,
        @Nullable UUID helpRequestRef,
        UUID organisationId,
        byte[] urlCiphertext,
        String host,
        String hostDisplay,
        String formCode,
        String taxonomyVersion,
        boolean minor,
        byte @Nullable [] explanationCiphertext,
        HostContact contact,
        TakedownStatus status,
        Instant createdAt,
        String createdBy,
        @Nullable Instant queuedAt,
        @Nullable Instant sentAt,
        @Nullable Instant deadlineAt,
        @Nullable Instant receiptConfirmedAt,
        @Nullable Instant removedAt,
        @Nullable String removalDetectedBy,
        @Nullable Instant refusedAt,
        @Nullable String refusalReason,
        @Nullable Instant noResponseAt,
        @Nullable Instant escalatedAt,
        @Nullable String escalationRoute,
        @Nullable Instant lastCheckedAt,
        @Nullable String lastCheckOutcome,
        @Nullable Integer lastCheckStatus,
        Instant nextCheckAt) {

    /** Refusal reasons staff choose from; each has a message {@code takedown.refusal.<code>}. */
    static final java.util.List<String> REFUSAL_REASONS =
            java.util.List.of("not-illegal", "needs-court-order", "not-our-content", "needs-more-information", "other");

    static String urlContext(TakedownRequestId id) {
        return "takedown-url:" + id.value();
    }

    static String explanationContext(TakedownRequestId id) {
        return "takedown-explanation:" + id.value();
    }

    /** Time from the notice reaching the host until removal; empty while online or if never sent. */
    public @Nullable Duration timeToRemoval() {
        return sentAt == null || removedAt == null ? null : Duration.between(sentAt, removedAt);
    }

    /** Whether the deadline has passed without removal. */
    boolean overdue(Instant now) {
        return status.isOpen() && deadlineAt != null && !now.isBefore(deadlineAt);
    }

    /** Whether the deadline falls within the given time from now (a reminder for staff). */
    boolean dueWithin(Instant now, Duration window) {
        return status.isOpen()
                && deadlineAt != null
                && now.isBefore(deadlineAt)
                && !now.plus(window).isBefore(deadlineAt);
    }
}
