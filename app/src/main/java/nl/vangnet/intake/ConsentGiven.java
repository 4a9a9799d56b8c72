package nl.vangnet.intake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The victim gave a new consent after saving (e.g. to share with the police): whoever acts on shares may start. */
public record ConsentGiven(
        HelpRequestId helpRequestId,
        ConsentScope scope,
        @Nullable String organisation,
        Instant grantedAt) {}
