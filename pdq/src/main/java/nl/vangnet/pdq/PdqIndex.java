package nl.vangnet.pdq;

import java.util.List;

/**
 * An in-memory set of (id, hash) entries that finds every entry within a Hamming distance of a
 * query: exact search, no entry within the radius is ever missed. Obtain one from {@link
 * Pdq#newIndex()} or, for bulk loading, {@link Pdq#indexBuilder()}.
 *
 * <p>Implementations are thread-safe. Searches never block and run concurrently with each other
 * and with writes; writes are serialised. A search sees every entry added before it started and
 * no entry removed before it started; entries added or removed while it runs may or may not be
 * reported.
 *
 * <p>The same id may be added with several hashes (for example the eight dihedral variants of
 * one image), and the same hash under several ids.
 */
public interface PdqIndex {

    /** The matching threshold of the hash-sharing ecosystem: distance 31 or less is a match. */
    int DEFAULT_MATCH_DISTANCE = 31;

    /** Adds an entry. */
    void add(long id, PdqHash hash);

    /**
     * Removes the entries with exactly this id and hash.
     *
     * @return whether anything was removed
     */
    boolean remove(long id, PdqHash hash);

    /**
     * All live entries whose hash is within {@code maxDistance} of {@code query}, closest first.
     *
     * @param maxDistance 0..256; the index is built for distances up to about 32 and becomes a
     *     linear scan above that
     */
    List<PdqMatch> search(PdqHash query, int maxDistance);

    /** Number of live entries. */
    long size();

    /** Collects entries for a bulk load, which builds the search structures once at the end. */
    interface Builder {

        /** Adds an entry to the index being built. */
        Builder add(long id, PdqHash hash);

        /** Builds the index. The builder must not be used afterwards. */
        PdqIndex build();
    }
}
