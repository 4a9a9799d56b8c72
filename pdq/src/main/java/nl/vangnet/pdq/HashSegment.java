package nl.vangnet.pdq;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A block of index entries whose hashes and ids never change once visible; only their removal
 * marks (tombstones) do.
 *
 * <p>Entries are stored flat: hash {@code i} is {@code words[4i .. 4i+3]} (the {@link PdqHash}
 * word layout) and its id is {@code ids[i]}, so a distance check reads one 32-byte run and no
 * object headers. Removal sets a bit rather than moving data, so readers never see an entry
 * half-moved; removed entries are dropped when segments are merged or compacted.
 */
abstract sealed class HashSegment permits LinearSegment, MultiIndexSegment {

    private static final VarHandle TOMBSTONES = MethodHandles.arrayElementVarHandle(long[].class);

    final long[] words;
    final long[] ids;
    private final long[] tombstones;
    private volatile int removed;

    HashSegment(long[] words, long[] ids, int capacity) {
        this.words = words;
        this.ids = ids;
        this.tombstones = new long[(capacity + 63) >>> 6];
    }

    /** Receives matches from a segment search. */
    interface MatchSink {
        void accept(HashSegment segment, int position, int distance);
    }

    /** Number of entries, including removed ones. */
    abstract int size();

    /** Reports every live entry within {@code radius} of the query, each exactly once. */
    abstract void search(long q0, long q1, long q2, long q3, int radius, MatchSink sink);

    /** Approximate heap bytes held by this segment. */
    abstract long memoryBytes();

    final int liveSize() {
        return size() - removed;
    }

    final int removedCount() {
        return removed;
    }

    final boolean isRemoved(int position) {
        long word = (long) TOMBSTONES.getAcquire(tombstones, position >>> 6);
        return (word & (1L << position)) != 0;
    }

    /** Marks entries with exactly this id and hash as removed. Called under the writer lock. */
    final int remove(long id, long q0, long q1, long q2, long q3) {
        int[] count = new int[1];
        search(q0, q1, q2, q3, 0, (segment, position, distance) -> {
            if (ids[position] == id && !isRemoved(position)) {
                TOMBSTONES.getAndBitwiseOrRelease(tombstones, position >>> 6, 1L << position);
                count[0]++;
            }
        });
        if (count[0] > 0) {
            removed = removed + count[0];
        }
        return count[0];
    }

    final long tombstoneBytes() {
        return 16L + 8L * tombstones.length;
    }

    /** Distance from the query to entry {@code position}. */
    final int distance(int position, long q0, long q1, long q2, long q3) {
        int b = position << 2;
        return Long.bitCount(words[b] ^ q0)
                + Long.bitCount(words[b + 1] ^ q1)
                + Long.bitCount(words[b + 2] ^ q2)
                + Long.bitCount(words[b + 3] ^ q3);
    }

    final PdqHash hashAt(int position) {
        int b = position << 2;
        return PdqHash.fromWords(words[b], words[b + 1], words[b + 2], words[b + 3]);
    }
}
