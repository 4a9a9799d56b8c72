package nl.vangnet.matching;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A platform found an upload matching a banked hash. Carries IDs only; the owner of the source
 * (the case's organisation) follows up, e.g. with a takedown task.
 */
public record HashMatched(
        UUID matchId,
        UUID reference,
        String bankId,
        HashSource source,
        @Nullable UUID sourceId,
        @Nullable UUID ownerOrganisation,
        UUID apiClientId,
        int distance) {}
