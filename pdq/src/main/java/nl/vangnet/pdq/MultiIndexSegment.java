package nl.vangnet.pdq;

import java.util.Arrays;

/**
 * Exact Hamming-radius search by multi-index hashing (Norouzi, Punjani and Fleet, "Fast search
 * in Hamming space with multi-index hashing", CVPR 2012), with per-query thresholds chosen by
 * the generalised pigeonhole principle.
 *
 * <p><b>Why it finds everything.</b> The 256 bits are cut into {@code m} disjoint substrings
 * ("tables"). If a hash is within distance {@code r} of the query and each table {@code i} is
 * probed with threshold {@code t_i} where the {@code t_i + 1} add up to at least {@code r + 1},
 * then some table has substring distance at most its threshold: otherwise the substring
 * distances, which add up to the full distance, would add up to more than {@code r}. Probing a
 * table with threshold {@code t} means visiting every bucket whose key is within {@code t} bits of
 * the query's substring, so every hash within {@code r} is a candidate, and each candidate is
 * checked against the full 256 bits. A match is reported only from the first table through which
 * it qualifies, so it is reported once without a visited-set.
 *
 * <p><b>Why these sizes.</b> A query's cost is dominated by random memory reads: one or two per
 * probed bucket and one per candidate's 32-byte hash. Short substrings mean few probes but many
 * candidates per bucket; long ones mean few candidates but many probes (and large bucket tables).
 * For random hashes, {@link #chooseTableCount} evaluates that trade-off for the segment's size and
 * picks {@code m} between 10 and 16 within a memory budget of 64 bytes of tables per entry (at
 * 10 million entries: 12 tables of 21-22 bits, about 2,000 probes and 7,000 candidates for radius
 * 31, against 41,500 candidates for the classic 16x16-bit layout). {@link #plan} then spreads the thresholds over the tables greedily by marginal cost,
 * which also makes small radii cheap (radius 0 probes one bucket of one table) and falls back to a
 * linear scan when the radius is so large that probing would cost more.
 *
 * <p><b>Layout.</b> Each table is a compressed bucket list: {@code offsets[key]} to {@code
 * offsets[key + 1]} delimit the entry positions in {@code positions} whose substring equals
 * {@code key}, in increasing position order. That is 4 bytes per entry per table plus 4 bytes per
 * bucket, with no objects and no boxing.
 */
final class MultiIndexSegment extends HashSegment {

    static final int MIN_TABLES = 10;
    static final int MAX_TABLES = 16;
    static final int MAX_ENTRIES = (1 << 29) - 1;

    /** Relative cost of visiting a bucket (an offsets read and the first positions read). */
    private static final double PROBE_COST = 2.0;
    /** Relative cost of checking one candidate (a random 32-byte read). */
    private static final double CANDIDATE_COST = 1.0;
    /** Relative cost per entry of a linear scan, which reads memory in order. */
    private static final double SCAN_COST = 0.1;
    /** Radius the table count is optimised for: the ecosystem's match threshold. */
    private static final int DESIGN_RADIUS = 31;
    /**
     * Search-structure memory allowed per entry (positions plus bucket offsets): twice the 32
     * bytes of the hash itself. Fewer, longer tables are faster but need more offsets.
     */
    static final long MAX_TABLE_BYTES_PER_ENTRY = 64;

    private static final double[][] BINOMIAL = binomials(32);

    private final int size;
    private final int tables;
    private final int[] start;
    private final int[] length;
    private final int[][] offsets;
    private final int[][] positions;
    /** Thresholds per radius; an empty array means a linear scan is cheaper. */
    private final int[][] plans = new int[PdqHash.BITS + 1][];
    /** Number of buckets each radius's plan visits. */
    private final int[] probeCounts = new int[PdqHash.BITS + 1];

    private MultiIndexSegment(long[] words, long[] ids, int size, int tables) {
        super(words, ids, size);
        this.size = size;
        this.tables = tables;
        this.start = new int[tables];
        this.length = new int[tables];
        int base = PdqHash.BITS / tables;
        int longer = PdqHash.BITS % tables;
        for (int t = 0, bit = 0; t < tables; t++) {
            start[t] = bit;
            length[t] = base + (t < longer ? 1 : 0);
            bit += length[t];
        }
        this.offsets = new int[tables][];
        this.positions = new int[tables][];
        // Computed up front so the final field publishes them safely to every searching thread.
        for (int radius = 0; radius <= PdqHash.BITS; radius++) {
            int[] thresholds = greedyThresholds(length, size, radius);
            boolean scan = planCost(thresholds, length, size) > SCAN_COST * size;
            plans[radius] = scan ? new int[0] : thresholds;
            long probes = 0;
            for (int t = 0; t < tables && !scan; t++) {
                for (int k = 0; k <= thresholds[t]; k++) {
                    probes += (long) BINOMIAL[length[t]][k];
                }
            }
            probeCounts[radius] = (int) Math.min(Integer.MAX_VALUE - 8, probes);
        }
    }

    /**
     * Builds the tables over entries {@code 0..size-1} of the arrays, which the segment then owns.
     * Counting sort per table: one pass to count bucket sizes, one to place positions.
     */
    static MultiIndexSegment build(long[] words, long[] ids, int size) {
        return build(words, ids, size, chooseTableCount(size));
    }

    /** As {@link #build(long[], long[], int)} with a given table count (10..16). */
    static MultiIndexSegment build(long[] words, long[] ids, int size, int tables) {
        if (size > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries per segment, got " + size);
        }
        if (tables < MIN_TABLES || tables > MAX_TABLES) {
            throw new IllegalArgumentException(
                    "tables must be in " + MIN_TABLES + ".." + MAX_TABLES + ", got " + tables);
        }
        MultiIndexSegment segment = new MultiIndexSegment(words, ids, size, tables);
        int[] keys = new int[size];
        for (int t = 0; t < segment.tables; t++) {
            int buckets = 1 << segment.length[t];
            int[] offs = new int[buckets + 1];
            for (int i = 0; i < size; i++) {
                int key = segment.key(words, i << 2, t);
                keys[i] = key;
                offs[key + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                offs[b + 1] += offs[b];
            }
            int[] pos = new int[size];
            for (int i = 0; i < size; i++) {
                pos[offs[keys[i]]++] = i;
            }
            System.arraycopy(offs, 0, offs, 1, buckets);
            offs[0] = 0;
            segment.offsets[t] = offs;
            segment.positions[t] = pos;
        }
        return segment;
    }

    /**
     * The table count with the lowest modelled cost at radius 31 for this many random hashes,
     * within the memory budget (16 tables, the smallest layout, when nothing fits).
     */
    static int chooseTableCount(int size) {
        int best = MAX_TABLES;
        double bestCost = Double.MAX_VALUE;
        for (int m = MIN_TABLES; m <= MAX_TABLES; m++) {
            int[] lengths = lengths(m);
            long tableBytes = 4L * m * size;
            for (int len : lengths) {
                tableBytes += 4L * ((1L << len) + 1);
            }
            if (m < MAX_TABLES && tableBytes > MAX_TABLE_BYTES_PER_ENTRY * size) {
                continue;
            }
            double cost = planCost(greedyThresholds(lengths, size, DESIGN_RADIUS), lengths, size);
            if (cost < bestCost) {
                bestCost = cost;
                best = m;
            }
        }
        return best;
    }

    static int[] lengths(int tables) {
        int[] lengths = new int[tables];
        for (int t = 0; t < tables; t++) {
            lengths[t] = PdqHash.BITS / tables + (t < PdqHash.BITS % tables ? 1 : 0);
        }
        return lengths;
    }

    /**
     * Thresholds per table (-1: not probed) whose {@code t + 1} add up to {@code radius + 1},
     * each step raising the table whose next threshold adds the least expected cost. The cost of
     * raising a table from {@code t} to {@code t + 1} is the number of new buckets, C(len, t + 1),
     * times the cost of a probe plus the expected candidates per bucket.
     */
    static int[] greedyThresholds(int[] lengths, long size, int radius) {
        int[] thresholds = new int[lengths.length];
        Arrays.fill(thresholds, -1);
        for (int step = 0; step <= radius; step++) {
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int t = 0; t < lengths.length; t++) {
                int next = thresholds[t] + 1;
                if (next > lengths[t]) {
                    continue;
                }
                double cost = BINOMIAL[lengths[t]][next] * (PROBE_COST + CANDIDATE_COST * size / (1L << lengths[t]));
                if (cost < bestCost) {
                    bestCost = cost;
                    best = t;
                }
            }
            thresholds[best]++;
        }
        return thresholds;
    }

    static double planCost(int[] thresholds, int[] lengths, long size) {
        double cost = 0;
        for (int t = 0; t < lengths.length; t++) {
            for (int k = 0; k <= thresholds[t]; k++) {
                cost += BINOMIAL[lengths[t]][k] * (PROBE_COST + CANDIDATE_COST * size / (1L << lengths[t]));
            }
        }
        return cost;
    }

    /** Thresholds for this radius, or null when a linear scan is cheaper. */
    int[] plan(int radius) {
        int[] plan = plans[radius];
        return plan.length == 0 ? null : plan;
    }

    int tables() {
        return tables;
    }

    int tableBits(int table) {
        return length[table];
    }

    @Override
    int size() {
        return size;
    }

    @Override
    void search(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        int[] plan = plan(radius);
        if (plan == null) {
            scan(q0, q1, q2, q3, radius, sink);
            return;
        }
        long[] query = {q0, q1, q2, q3};
        int[] queryKeys = new int[tables];
        for (int t = 0; t < tables; t++) {
            queryKeys[t] = key(query, 0, t);
        }
        // The work is split into passes over plain arrays instead of one nested loop: each pass
        // issues many independent memory reads with few unpredictable branches, so the CPU
        // overlaps the cache misses that dominate the cost instead of waiting for them in turn.
        Scratch scratch = SCRATCH.get();
        int probes = probeCounts[radius];
        int[] buckets = scratch.buckets(probes);
        int[] tableEnds = scratch.tableEnds;
        int p = 0;
        for (int t = 0; t < tables; t++) {
            p = enumerateBuckets(queryKeys[t], length[t], plan[t], buckets, p);
            tableEnds[t] = p;
        }
        // Pass 1: bucket extents.
        int[] starts = scratch.starts(probes);
        int[] ends = scratch.ends(probes);
        int candidates = 0;
        for (int t = 0, first = 0; t < tables; first = tableEnds[t], t++) {
            int[] offs = offsets[t];
            for (int k = first; k < tableEnds[t]; k++) {
                int bucket = buckets[k];
                int start = offs[bucket];
                int end = offs[bucket + 1];
                starts[k] = start;
                ends[k] = end;
                candidates += end - start;
            }
        }
        // Pass 2: candidate positions, grouped by table.
        int[] positionsFound = scratch.candidates(candidates);
        int[] candidateEnds = scratch.candidateEnds;
        int c = 0;
        for (int t = 0, first = 0; t < tables; first = tableEnds[t], t++) {
            int[] pos = positions[t];
            for (int k = first; k < tableEnds[t]; k++) {
                for (int i = starts[k], end = ends[k]; i < end; i++) {
                    positionsFound[c++] = pos[i];
                }
            }
            candidateEnds[t] = c;
        }
        // Pass 3: full 256-bit distances.
        long[] w = words;
        for (int t = 0, first = 0; t < tables; first = candidateEnds[t], t++) {
            for (int k = first, end = candidateEnds[t]; k < end; k++) {
                int i = positionsFound[k];
                int b = i << 2;
                int d = Long.bitCount(w[b] ^ q0)
                        + Long.bitCount(w[b + 1] ^ q1)
                        + Long.bitCount(w[b + 2] ^ q2)
                        + Long.bitCount(w[b + 3] ^ q3);
                if (d <= radius && firstQualifyingTable(i, plan, queryKeys) == t && !isRemoved(i)) {
                    sink.accept(this, i, d);
                }
            }
        }
    }

    /**
     * Writes every key within {@code threshold} bits of {@code key} (a {@code bits}-wide value)
     * into {@code out} from index {@code from}; returns the next free index.
     */
    private static int enumerateBuckets(int key, int bits, int threshold, int[] out, int from) {
        int p = from;
        long limit = 1L << bits;
        for (int weight = 0; weight <= threshold; weight++) {
            // Gosper's hack: every bits-wide mask with exactly `weight` bits set, in order.
            long mask = (1L << weight) - 1;
            while (mask < limit) {
                out[p++] = key ^ (int) mask;
                if (mask == 0) {
                    break;
                }
                long lowest = mask & -mask;
                long ripple = mask + lowest;
                mask = (((ripple ^ mask) >>> 2) >>> Long.numberOfTrailingZeros(lowest)) | ripple;
            }
        }
        return p;
    }

    /**
     * Per-thread work arrays, grown on demand, so a search allocates almost nothing. Arrays for
     * unusually large radii are not kept, so one such query does not pin megabytes per thread.
     */
    private static final class Scratch {
        private static final int RETAINED_MAX = 1 << 18;

        final int[] tableEnds = new int[MAX_TABLES];
        final int[] candidateEnds = new int[MAX_TABLES];
        private int[] buckets = new int[0];
        private int[] starts = new int[0];
        private int[] ends = new int[0];
        private int[] candidates = new int[0];

        int[] buckets(int n) {
            return buckets.length >= n ? buckets : retain(n) ? (buckets = new int[grow(n)]) : new int[n];
        }

        int[] starts(int n) {
            return starts.length >= n ? starts : retain(n) ? (starts = new int[grow(n)]) : new int[n];
        }

        int[] ends(int n) {
            return ends.length >= n ? ends : retain(n) ? (ends = new int[grow(n)]) : new int[n];
        }

        int[] candidates(int n) {
            return candidates.length >= n ? candidates : retain(n) ? (candidates = new int[grow(n)]) : new int[n];
        }

        private static boolean retain(int n) {
            return n <= RETAINED_MAX;
        }

        private static int grow(int n) {
            return Math.min(RETAINED_MAX, Math.max(1024, n + (n >> 1)));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private void scan(long q0, long q1, long q2, long q3, int radius, MatchSink sink) {
        long[] w = words;
        for (int i = 0, b = 0; i < size; i++, b += 4) {
            int d = Long.bitCount(w[b] ^ q0)
                    + Long.bitCount(w[b + 1] ^ q1)
                    + Long.bitCount(w[b + 2] ^ q2)
                    + Long.bitCount(w[b + 3] ^ q3);
            if (d <= radius && !isRemoved(i)) {
                sink.accept(this, i, d);
            }
        }
    }

    /** The first probed table whose substring of entry {@code i} is within its threshold. */
    private int firstQualifyingTable(int i, int[] plan, int[] queryKeys) {
        for (int t = 0; t < tables; t++) {
            if (plan[t] >= 0 && Integer.bitCount(key(words, i << 2, t) ^ queryKeys[t]) <= plan[t]) {
                return t;
            }
        }
        throw new AssertionError("a match must qualify through some table");
    }

    private int key(long[] hashWords, int base, int table) {
        return substring(hashWords, base, start[table], length[table]);
    }

    /**
     * The {@code bits}-bit substring starting {@code first} bits from the most significant end of
     * the hash at {@code hashWords[base..base+3]} (so bit 255 in the reference numbering is first).
     */
    static int substring(long[] hashWords, int base, int first, int bits) {
        int word = first >>> 6;
        int offset = first & 63;
        long value;
        if (offset + bits <= 64) {
            value = hashWords[base + word] >>> (64 - offset - bits);
        } else {
            int fromNext = offset + bits - 64;
            value = (hashWords[base + word] << fromNext) | (hashWords[base + word + 1] >>> (64 - fromNext));
        }
        return (int) (value & ((1L << bits) - 1));
    }

    @Override
    long memoryBytes() {
        long bytes = 16L + 8L * words.length + 16L + 8L * ids.length + tombstoneBytes();
        for (int t = 0; t < tables; t++) {
            bytes += 16L + 4L * offsets[t].length + 16L + 4L * positions[t].length;
        }
        return bytes;
    }

    /** Bytes of the search structures alone: bucket offsets and positions. */
    long tableBytes() {
        long bytes = 0;
        for (int t = 0; t < tables; t++) {
            bytes += 16L + 4L * offsets[t].length + 16L + 4L * positions[t].length;
        }
        return bytes;
    }

    private static double[][] binomials(int max) {
        double[][] c = new double[max + 1][max + 1];
        for (int n = 0; n <= max; n++) {
            c[n][0] = 1;
            for (int k = 1; k <= n; k++) {
                c[n][k] = c[n - 1][k - 1] + (k <= n - 1 ? c[n - 1][k] : 0);
            }
        }
        return c;
    }
}
