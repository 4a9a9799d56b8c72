package nl.vangnet.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded entry of the trail, as read back. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable String subjectType,
        @Nullable String subjectId,
        @Nullable String reason,
        String detail,
        String previousHash,
        String hash) {}
