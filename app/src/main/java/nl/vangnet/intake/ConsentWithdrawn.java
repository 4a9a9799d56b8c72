package nl.vangnet.intake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The victim withdrew a consent; whoever acted on it must stop (and erase what it covered). */
public record ConsentWithdrawn(
        HelpRequestId helpRequestId,
        ConsentScope scope,
        @Nullable String organisation,
        Instant withdrawnAt) {}
