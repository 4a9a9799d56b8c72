package nl.vangnet.pdq;

/**
 * Entries searched by comparing the query with every one of them.
 *
 * <p>Used for the small, most recent block that new entries are appended to, and for blocks too
 * small to be worth multi-index tables: scanning a few thousand hashes in order is cheaper than
 * thousands of random table probes. Also the brute-force baseline the index is tested and
 * benchmarked against.
 *
 * <p>Appending is safe while searches run: the entry is written first and then published by
 * incrementing the volatile size, so a search sees either the whole entry or none of it.
 */
final class LinearSegment extends HashSegment {

    private final int capacity;
    private volatile int size;

    LinearSegment(int capacity) {
        super(new long[4 * capacity], new long[capacity], capacity);
        this.capacity = capacity;
    }

    /** Wraps arrays holding {@code size} entries; takes ownership of them. */
    LinearSegment(long[] words, long[] ids, int size) {
        super(words, ids, size);
        this.capacity = size;
        this.size = size;
    }

    boolean isFull() {
        return size == capacity;
    }

    /** Appends an entry. Only one thread may append at a time. */
    void append(long id, long w0, long w1, long w2, long w3) {
        int n = size;
        if (n == capacity) {
            throw new IllegalStateException("segment is full");
        }
        int b = n << 2;
        words[b] = w0;
        words[b + 1] = w1;
        words[b + 2] = w2;
        words[b + 3] = w3;
        ids[n] = id;
        size = n + 1;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    void search(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        int n = size;
        long[] w = words;
        for (int i = 0, b = 0; i < n; i++, b += 4) {
            int d = Long.bitCount(w[b] ^ q0)
                    + Long.bitCount(w[b + 1] ^ q1)
                    + Long.bitCount(w[b + 2] ^ q2)
                    + Long.bitCount(w[b + 3] ^ q3);
            if (d <= radius && !isRemoved(i)) {
                sink.accept(this, i, d);
            }
        }
    }

    @Override
    long memoryBytes() {
        return 16L + 8L * words.length + 16L + 8L * ids.length + tombstoneBytes();
    }
}
