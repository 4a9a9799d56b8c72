package nl.vangnet.pdq;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Exact Hamming-radius search in the multi-index against a linear scan of the same hashes.
 *
 * <p>The index holds uniformly random hashes, the distribution the table layout is tuned for
 * (real hash banks cluster, which makes the buckets near a cluster larger). Half of the
 * queries are stored hashes with 0 to 31 bits flipped, so every radius-31 search has at least
 * one true match to find; the other half are random and find nothing. Both the index and the
 * baseline are shared by all benchmark threads; run with {@code -t 2} for the two-core figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"})
public class IndexBenchmark {

    private static final int QUERIES = 8192;

    @Param({"1000000", "10000000"})
    public int size;

    private PdqIndex index;
    private LinearSegment bruteForce;
    private PdqHash[] queries;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        long[] words = new long[4 * size];
        long[] ids = new long[size];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        bruteForce = new LinearSegment(words, ids, size);
        long start = System.nanoTime();
        index = SegmentedPdqIndex.of(words, ids, size);
        double seconds = (System.nanoTime() - start) / 1e9;
        SegmentedPdqIndex segmented = (SegmentedPdqIndex) index;
        HashSegment segment = segmented.segments().get(0);
        System.out.printf(
                "%n[index] %,d hashes: built in %.1f s; %s; %.1f bytes/hash in total, of which %.1f search"
                        + " tables (raw hash: 32, id: 8)%n",
                size,
                seconds,
                segment instanceof MultiIndexSegment m ? m.tables() + " tables" : "linear",
                (double) segmented.memoryBytes() / size,
                segment instanceof MultiIndexSegment m ? (double) m.tableBytes() / size : 0.0);
        queries = new PdqHash[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            if (q % 2 == 0) {
                int i = random.nextInt(size);
                long[] w = {words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]};
                int flips = random.nextInt(32);
                for (int f = 0; f < flips; f++) {
                    int bit = random.nextInt(256);
                    w[bit >>> 6] ^= 1L << (bit & 63);
                }
                queries[q] = PdqHash.fromWords(w[0], w[1], w[2], w[3]);
            } else {
                queries[q] = PdqHash.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            }
        }
    }

    /** Each benchmark thread walks the query list from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next = (int) (Thread.currentThread().threadId() * 7919) & (QUERIES - 1);

        PdqHash next(PdqHash[] queries) {
            next = (next + 1) & (QUERIES - 1);
            return queries[next];
        }
    }

    @Benchmark
    public List<PdqMatch> mihRadius31(Cursor cursor) {
        return index.search(cursor.next(queries), 31);
    }

    @Benchmark
    public List<PdqMatch> mihRadius0(Cursor cursor) {
        return index.search(cursor.next(queries), 0);
    }

    /** Baseline: compare the query with every stored hash. */
    @Benchmark
    public void bruteForceRadius31(Cursor cursor, Blackhole blackhole) {
        PdqHash q = cursor.next(queries);
        bruteForce.search(
                q.word(0),
                q.word(1),
                q.word(2),
                q.word(3),
                31,
                (segment, position, distance) -> blackhole.consume(position));
    }
}
