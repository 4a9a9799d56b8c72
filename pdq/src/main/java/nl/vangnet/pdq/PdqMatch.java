package nl.vangnet.pdq;

import java.util.Objects;

/**
 * One indexed hash found near a query.
 *
 * @param id the identifier the hash was added with
 * @param hash the indexed hash
 * @param distance Hamming distance between the query and {@code hash}
 */
public record PdqMatch(long id, PdqHash hash, int distance) {

    public PdqMatch {
        Objects.requireNonNull(hash, "hash");
        if (distance < 0 || distance > PdqHash.BITS) {
            throw new IllegalArgumentException("distance must be in 0..256, got " + distance);
        }
    }
}
