package nl.vangnet.pdq;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A plain program for index sizes JMH's fork-per-trial set-up makes impractical (100 million
 * hashes take minutes to generate and build): builds the index once, reports build time and
 * memory, checks exactness against a linear scan on a sample of queries, and measures search
 * throughput with several threads, both in wall-clock time and per CPU-second of the searching
 * threads (the steadier figure on a machine shared with other work). Usage:
 *
 * <pre>
 * java -Xmx16g -XX:+UseTransparentHugePages -cp pdq/target/benchmarks.jar \
 *     nl.vangnet.pdq.LargeIndexRun SIZE [THREADS] [SECONDS] [RECALL_QUERIES]
 * </pre>
 */
public final class LargeIndexRun {

    private LargeIndexRun() {}

    public static void main(String[] args) throws InterruptedException {
        int size = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int recallQueries = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        long[] words = new long[4 * size];
        long[] ids = new long[size];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        print("generated %,d random hashes in %.1f s", size, seconds(start));
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        start = System.nanoTime();
        SegmentedPdqIndex index = SegmentedPdqIndex.of(words, ids, size);
        double buildSeconds = seconds(start);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        HashSegment segment = index.segments().get(0);
        print("built in %.1f s: %s", buildSeconds, index);
        if (segment instanceof MultiIndexSegment m) {
            print(
                    "%d tables; accounted memory %.1f bytes/hash (hashes 32, ids 8, search tables %.1f);"
                            + " heap growth during build %.1f bytes/hash; heap in use %.2f GiB",
                    m.tables(),
                    (double) index.memoryBytes() / size,
                    (double) m.tableBytes() / size,
                    (double) (heapAfter - heapBefore) / size,
                    heapAfter / (double) (1L << 30));
        }

        PdqHash[] queries = queries(words, size, random, 8192);
        LinearSegment bruteForce = new LinearSegment(words, ids, size);
        long checked = 0;
        long matches = 0;
        start = System.nanoTime();
        for (int q = 0; q < recallQueries; q++) {
            PdqHash query = queries[q];
            List<Integer> expected = new ArrayList<>();
            bruteForce.search(query.word(0), query.word(1), query.word(2), query.word(3), 31, (s, p, d) -> expected.add(p));
            List<PdqMatch> found = index.search(query, 31);
            if (found.size() != expected.size()) {
                throw new AssertionError("query " + q + ": index found " + found.size() + ", brute force "
                        + expected.size());
            }
            checked++;
            matches += found.size();
        }
        double bruteSeconds = seconds(start);
        print(
                "recall: %d queries, %d matches, identical to brute force (100%%); brute force + index took %.2f s"
                        + " per query",
                checked,
                matches,
                bruteSeconds / Math.max(1, checked));

        for (int radius : new int[] {31, 0}) {
            // Warm up first so the figure is the compiled code's.
            runFor(index, queries, radius, threads, Math.max(2, seconds / 4));
            long[] run = runFor(index, queries, radius, threads, seconds);
            double cpuSeconds = run[1] / 1e9;
            print(
                    "radius %d, %d threads: %,.0f queries/s wall clock; %,.0f queries per CPU-second"
                            + " (the threads got %.2f cores on average)",
                    radius,
                    threads,
                    (double) run[0] / seconds,
                    run[0] / cpuSeconds,
                    cpuSeconds / seconds);
        }
    }

    /** Returns {queries done, CPU nanoseconds used by the searching threads}. */
    private static long[] runFor(PdqIndex index, PdqHash[] queries, int radius, int threads, int seconds)
            throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t * 4099;
            workers[t] = new Thread(() -> {
                long startCpu = cpu.getCurrentThreadCpuTime();
                long n = 0;
                while (System.nanoTime() < end) {
                    index.search(queries[(int) ((offset + n) % queries.length)], radius);
                    n++;
                }
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - startCpu);
                done.add(n);
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {done.sum(), cpuNanos.sum()};
    }

    /** Half stored hashes with 0 to 31 bits flipped, half random. */
    static PdqHash[] queries(long[] words, int size, SplittableRandom random, int count) {
        PdqHash[] queries = new PdqHash[count];
        for (int q = 0; q < count; q++) {
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
        return queries;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
