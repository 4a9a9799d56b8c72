package nl.vangnet.pdq;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hashes of all eight {@link Dihedral dihedral variants} of one image, with the quality they
 * share (rotating or mirroring an image does not change how much detail it has).
 */
public final class PdqDihedralResult {

    private static final Dihedral[] VARIANTS = Dihedral.values();

    private final PdqHash[] hashes;
    private final int quality;

    PdqDihedralResult(PdqHash[] hashes, int quality) {
        if (hashes.length != VARIANTS.length) {
            throw new IllegalArgumentException("need " + VARIANTS.length + " hashes, got " + hashes.length);
        }
        for (PdqHash hash : hashes) {
            Objects.requireNonNull(hash, "hash");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be in 0..100, got " + quality);
        }
        this.hashes = hashes.clone();
        this.quality = quality;
    }

    /** The hash of the given variant. */
    public PdqHash hash(Dihedral variant) {
        return hashes[variant.ordinal()];
    }

    /** The hash of the image as decoded, with its quality. */
    public PdqResult original() {
        return new PdqResult(hashes[Dihedral.ORIGINAL.ordinal()], quality);
    }

    /** Quality 0..100, the same for every variant. */
    public int quality() {
        return quality;
    }

    /** All eight hashes in {@link Dihedral} order. */
    public List<PdqHash> hashes() {
        return List.of(hashes);
    }

    /** All eight hashes keyed by variant, as an unmodifiable map in {@link Dihedral} order. */
    public Map<Dihedral, PdqHash> asMap() {
        Map<Dihedral, PdqHash> map = new EnumMap<>(Dihedral.class);
        for (Dihedral variant : VARIANTS) {
            map.put(variant, hashes[variant.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqDihedralResult that
                && quality == that.quality
                && java.util.Arrays.equals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(hashes) + quality;
    }

    @Override
    public String toString() {
        return "PdqDihedralResult" + asMap() + " quality=" + quality;
    }
}
