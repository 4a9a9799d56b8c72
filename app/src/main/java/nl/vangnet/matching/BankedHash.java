package nl.vangnet.matching;

import java.time.Instant;
import java.util.UUID;
import nl.vangnet.pdq.PdqHash;
import org.jspecify.annotations.Nullable;

/** A hash in a bank, as staff see it. Platforms only ever see the reference, bank and hash. */
public record BankedHash(
        long seq,
        UUID reference,
        String bankId,
        PdqHash pdq,
        int quality,
        HashSource source,
        @Nullable UUID sourceId,
        Instant addedAt,
        @Nullable Instant withdrawnAt) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
