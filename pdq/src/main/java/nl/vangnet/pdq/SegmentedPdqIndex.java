package nl.vangnet.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link PdqIndex}: a few immutable segments, oldest and largest first, plus one small
 * segment that new entries are appended to.
 *
 * <p>Why segments. Multi-index tables are sorted structures that are expensive to update one
 * entry at a time but cheap to build in bulk, while a hash bank changes a little at a time and is
 * read constantly. So, as in a log-structured merge tree: additions go to a small linear segment;
 * when it is full it is frozen and merged with its neighbours while a newer segment is at least a
 * quarter of the size of the one before it, which keeps the number of segments logarithmic and
 * rebuilds each entry a logarithmic number of times. Removals only set a tombstone bit; a segment
 * where half the entries are removed is rebuilt without them.
 *
 * <p>Why it is safe without read locks. Readers take the current array of segments from one
 * volatile field and search it; writers hold a lock, build any new segment off to the side and
 * then publish a new array. Segments never change once published except for appends to the open
 * tail (published by its volatile size) and tombstone bits (set and read with release/acquire
 * semantics). So searches never wait, even while a merge of millions of entries is being built;
 * the writer that triggers such a merge waits for it, which is why bulk loads should use the
 * {@link BulkBuilder}.
 */
final class SegmentedPdqIndex implements PdqIndex {

    static final int TAIL_CAPACITY = 4096;
    static final int LINEAR_MAX = 32_768;
    static final int MERGE_RATIO = 4;

    private static final Comparator<PdqMatch> CLOSEST_FIRST =
            Comparator.comparingInt(PdqMatch::distance).thenComparingLong(PdqMatch::id);

    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile HashSegment[] segments;

    private SegmentedPdqIndex(HashSegment[] frozen) {
        HashSegment[] all = Arrays.copyOf(frozen, frozen.length + 1);
        all[frozen.length] = new LinearSegment(TAIL_CAPACITY);
        this.segments = all;
    }

    static SegmentedPdqIndex empty() {
        return new SegmentedPdqIndex(new HashSegment[0]);
    }

    /** An index over entries {@code 0..size-1} of the arrays, which it takes over. */
    static SegmentedPdqIndex of(long[] words, long[] ids, int size) {
        if (size == 0) {
            return empty();
        }
        return new SegmentedPdqIndex(new HashSegment[] {segment(words, ids, size)});
    }

    private static HashSegment segment(long[] words, long[] ids, int size) {
        return size <= LINEAR_MAX ? new LinearSegment(words, ids, size) : MultiIndexSegment.build(words, ids, size);
    }

    @Override
    public void add(long id, PdqHash hash) {
        Objects.requireNonNull(hash, "hash");
        writeLock.lock();
        try {
            HashSegment[] current = segments;
            LinearSegment tail = (LinearSegment) current[current.length - 1];
            tail.append(id, hash.word(0), hash.word(1), hash.word(2), hash.word(3));
            if (tail.isFull()) {
                segments = rollOver(current);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Freezes the full tail, merges segments of similar size, and opens a new tail. */
    private static HashSegment[] rollOver(HashSegment[] current) {
        List<HashSegment> list = new ArrayList<>(Arrays.asList(current));
        while (list.size() >= 2) {
            HashSegment newer = list.get(list.size() - 1);
            HashSegment older = list.get(list.size() - 2);
            if ((long) newer.liveSize() * MERGE_RATIO < older.liveSize()) {
                break;
            }
            list.remove(list.size() - 1);
            list.remove(list.size() - 1);
            HashSegment merged = merge(older, newer);
            if (merged != null) {
                list.add(merged);
            }
        }
        list.add(new LinearSegment(TAIL_CAPACITY));
        return list.toArray(new HashSegment[0]);
    }

    /** The live entries of the segments, in order, as one new segment; null if none are live. */
    private static HashSegment merge(HashSegment... parts) {
        long live = 0;
        for (HashSegment part : parts) {
            live += part.liveSize();
        }
        if (live == 0) {
            return null;
        }
        if (live > MultiIndexSegment.MAX_ENTRIES) {
            throw new IllegalStateException("index segment would exceed " + MultiIndexSegment.MAX_ENTRIES + " entries");
        }
        int n = (int) live;
        long[] words = new long[4 * n];
        long[] ids = new long[n];
        int k = 0;
        for (HashSegment part : parts) {
            int size = part.size();
            for (int i = 0; i < size; i++) {
                if (!part.isRemoved(i)) {
                    System.arraycopy(part.words, i << 2, words, k << 2, 4);
                    ids[k] = part.ids[i];
                    k++;
                }
            }
        }
        return segment(words, ids, n);
    }

    @Override
    public boolean remove(long id, PdqHash hash) {
        Objects.requireNonNull(hash, "hash");
        writeLock.lock();
        try {
            HashSegment[] current = segments;
            boolean removedAny = false;
            boolean compact = false;
            for (int s = 0; s < current.length; s++) {
                HashSegment segment = current[s];
                if (segment.remove(id, hash.word(0), hash.word(1), hash.word(2), hash.word(3)) > 0) {
                    removedAny = true;
                    compact |= s < current.length - 1 && segment.removedCount() * 2 > segment.size();
                }
            }
            if (compact) {
                segments = compacted(current);
            }
            return removedAny;
        } finally {
            writeLock.unlock();
        }
    }

    /** Rebuilds the frozen segments that are mostly tombstones. */
    private static HashSegment[] compacted(HashSegment[] current) {
        List<HashSegment> list = new ArrayList<>();
        for (int s = 0; s < current.length - 1; s++) {
            HashSegment segment = current[s];
            if (segment.removedCount() * 2 > segment.size()) {
                HashSegment rebuilt = merge(segment);
                if (rebuilt != null) {
                    list.add(rebuilt);
                }
            } else {
                list.add(segment);
            }
        }
        list.add(current[current.length - 1]);
        return list.toArray(new HashSegment[0]);
    }

    @Override
    public List<PdqMatch> search(PdqHash query, int maxDistance) {
        Objects.requireNonNull(query, "query");
        if (maxDistance < 0 || maxDistance > PdqHash.BITS) {
            throw new IllegalArgumentException("maxDistance must be in 0..256, got " + maxDistance);
        }
        List<PdqMatch> matches = new ArrayList<>();
        HashSegment.MatchSink sink = (segment, position, distance) ->
                matches.add(new PdqMatch(segment.ids[position], segment.hashAt(position), distance));
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        for (HashSegment segment : segments) {
            segment.search(q0, q1, q2, q3, maxDistance, sink);
        }
        if (matches.size() > 1) {
            matches.sort(CLOSEST_FIRST);
        }
        return matches;
    }

    @Override
    public long size() {
        long live = 0;
        for (HashSegment segment : segments) {
            live += segment.liveSize();
        }
        return live;
    }

    /** Approximate heap bytes of all segments. */
    long memoryBytes() {
        long bytes = 0;
        for (HashSegment segment : segments) {
            bytes += segment.memoryBytes();
        }
        return bytes;
    }

    /** The current segments, oldest first; for tests and benchmarks. */
    List<HashSegment> segments() {
        return List.of(segments);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PdqIndex[size=").append(size()).append(", segments=");
        for (HashSegment segment : segments) {
            sb.append(' ')
                    .append(segment.getClass().getSimpleName())
                    .append('(')
                    .append(segment.size())
                    .append(')');
        }
        return sb.append(']').toString();
    }

    /** Collects entries in flat growable arrays and builds one segment at the end. */
    static final class BulkBuilder implements PdqIndex.Builder {
        private long[] words;
        private long[] ids;
        private int size;
        private boolean built;

        BulkBuilder(int expectedEntries) {
            int capacity = Math.max(16, Math.min(expectedEntries, MultiIndexSegment.MAX_ENTRIES));
            this.words = new long[4 * capacity];
            this.ids = new long[capacity];
        }

        @Override
        public PdqIndex.Builder add(long id, PdqHash hash) {
            Objects.requireNonNull(hash, "hash");
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (size == ids.length) {
                if (size == MultiIndexSegment.MAX_ENTRIES) {
                    throw new IllegalStateException("at most " + MultiIndexSegment.MAX_ENTRIES + " entries");
                }
                int capacity = (int) Math.min(MultiIndexSegment.MAX_ENTRIES, size + (long) (size >> 1) + 16);
                words = Arrays.copyOf(words, 4 * capacity);
                ids = Arrays.copyOf(ids, capacity);
            }
            int b = size << 2;
            words[b] = hash.word(0);
            words[b + 1] = hash.word(1);
            words[b + 2] = hash.word(2);
            words[b + 3] = hash.word(3);
            ids[size++] = id;
            return this;
        }

        @Override
        public PdqIndex build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            long[] w = words.length == 4 * size ? words : Arrays.copyOf(words, 4 * size);
            long[] i = ids.length == size ? ids : Arrays.copyOf(ids, size);
            words = null;
            ids = null;
            return of(w, i, size);
        }
    }
}
