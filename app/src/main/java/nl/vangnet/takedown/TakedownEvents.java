package nl.vangnet.takedown;

import java.time.Duration;
import java.time.Instant;

/** Builds the module's events from a request, so every publisher fills them the same way. */
final class TakedownEvents {

    private TakedownEvents() {}

    static TakedownRemoved removed(TakedownRequest request, Instant removedAt, String detectedBy) {
        Long seconds = request.sentAt() == null
                ? null
                : Math.max(0, Duration.between(request.sentAt(), removedAt).toSeconds());
        return new TakedownRemoved(
                request.id(),
                request.caseRef(),
                removedAt,
                seconds,
                request.host(),
                request.contact().provider(),
                request.contact().country(),
                request.formCode(),
                detectedBy);
    }

    static TakedownRequested requested(TakedownRequest request) {
        return new TakedownRequested(
                request.id(),
                request.caseRef(),
                request.createdAt(),
                request.host(),
                request.contact().provider(),
                request.contact().country(),
                request.taxonomyVersion(),
                request.formCode());
    }
}
