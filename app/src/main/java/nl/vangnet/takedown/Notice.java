package nl.vangnet.takedown;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notice as it was created and, once delivered, exactly as it was sent. The body is encrypted
 * with the case's key.
 *
 * @param delivery {@code QUEUED} (an e-mail waiting for the mail server), {@code SENT} (the mail
 *     server accepted it), {@code EXPORTED} (text ready for a web form) or {@code SUBMITTED}
 *     (staff confirmed they submitted it)
 */
record Notice(
        UUID id,
        CaseRef caseRef,
        String host,
        NoticeTemplates.Kind kind,
        HostContact.Channel channel,
        @Nullable String recipient,
        @Nullable String recipientName,
        String language,
        String reference,
        String subject,
        byte[] bodyCiphertext,
        boolean anonymous,
        Instant createdAt,
        String createdBy,
        String delivery,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastFailure,
        @Nullable Instant sentAt,
        @Nullable String messageId,
        int reminders,
        @Nullable UUID reminderOf) {

    static String bodyContext(UUID id) {
        return "takedown-notice:" + id;
    }

    /** Whether the notice has reached the host (or the escalation route). */
    boolean delivered() {
        return delivery.equals("SENT") || delivery.equals("SUBMITTED");
    }
}
