package nl.vangnet.takedown;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The content at a request's URL is no longer served. For the insights module's time-to-removal
 * figures: {@code secondsToRemoval} counts from the first notice that reached the host and is
 * absent when the content was gone before any notice went out.
 *
 * @param detectedBy {@code RECHECK} (an automatic check saw it gone) or {@code STAFF}
 */
public record TakedownRemoved(
        TakedownRequestId requestId,
        CaseRef caseRef,
        Instant removedAt,
        @Nullable Long secondsToRemoval,
        String host,
        @Nullable String platform,
        @Nullable String country,
        String formCode,
        String detectedBy) {}
