package nl.vangnet.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A victim hashed images on their own device and consented to sharing the hashes with platforms.
 * Carries hashes only (never an image), the consent that covers them, and whether the images were
 * made when the victim was under 18 (unknown counts as under 18, the stricter rules).
 */
public record ImageHashesSubmitted(
        HelpRequestId helpRequestId, UUID consentId, boolean madeUnder18, List<ImageHash> hashes, Instant at) {

    public ImageHashesSubmitted {
        hashes = List.copyOf(hashes);
    }

    /** PDQ hash (64 hex), its quality, and the SHA-256 of the file (64 hex) for exact copies. */
    public record ImageHash(String pdq, int quality, String sha256) {}
}
