package nl.vangnet.pdq;

import java.util.Objects;

/**
 * A PDQ hash with the quality score the algorithm computes alongside it.
 *
 * <p>The two travel together because a hash is only as trustworthy as the image detail behind
 * it: flat or tiny images give low-quality hashes that collide with unrelated images, and the
 * hash-sharing ecosystem does not act on hashes with quality below {@value #MIN_ACTIONABLE_QUALITY}.
 *
 * @param hash the hash
 * @param quality 0 (no usable detail) to 100, from the image-domain gradient sum
 */
public record PdqResult(PdqHash hash, int quality) {

    /** Below this quality the ecosystem treats a hash as too weak to act on. */
    public static final int MIN_ACTIONABLE_QUALITY = 50;

    public PdqResult {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be in 0..100, got " + quality);
        }
    }

    /** Whether the quality is high enough for the hash to be acted on (quality at least 50). */
    public boolean isActionable() {
        return quality >= MIN_ACTIONABLE_QUALITY;
    }
}
