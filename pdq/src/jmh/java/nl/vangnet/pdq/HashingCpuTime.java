package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The hashing benchmark measured in CPU time of the benchmark thread instead of wall-clock time.
 * On a machine shared with other builds, wall-clock throughput mostly measures the neighbours;
 * the thread's own CPU time per image is far steadier (cache and memory-bandwidth interference
 * remain). Reports the median over batches as images per CPU-second. Usage:
 *
 * <pre>
 * java -cp pdq/target/benchmarks.jar nl.vangnet.pdq.HashingCpuTime [BATCHES] [IMAGES_PER_BATCH]
 * </pre>
 */
public final class HashingCpuTime {

    private HashingCpuTime() {}

    private interface Work {
        Object run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        byte[] jpeg = HashingBenchmark.syntheticJpeg(1024, 768, 20_240_601L);
        ImageDecoder decoder = new ImageDecoder(DecodeOptions.defaults());
        PdqHasher hasher = Pdq.hasher();
        BufferedImage decoded = decoder.decodeWhole(jpeg);

        Work decodeOnly = () -> decoder.decodeWhole(jpeg);
        Work decodeAndHash = () -> hasher.hash(jpeg);
        Work decodeAndHashDihedral = () -> hasher.hashDihedral(jpeg);
        Work hashDecodedPixels = () -> hasher.hash(decoded);
        Work[] all = {decodeOnly, decodeAndHash, decodeAndHashDihedral, hashDecodedPixels};
        String[] names = {"decodeOnly", "decodeAndHash", "decodeAndHashDihedral", "hashDecodedPixels"};

        for (Work work : all) {
            measure(work, 5, perBatch);
        }
        double baseline = 0;
        for (int i = 0; i < all.length; i++) {
            double rate = measure(all[i], batches, perBatch);
            if (i == 0) {
                baseline = rate;
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "%-22s %8.1f images per CPU-second (ratio to decodeOnly %.2f)",
                    names[i],
                    rate,
                    rate / baseline));
        }
    }

    /** Median over batches of images per CPU-second of this thread. */
    private static double measure(Work work, int batches, int perBatch) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[batches];
        Object sink = null;
        for (int b = 0; b < batches; b++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                sink = work.run();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            rates[b] = perBatch / (cpu / 1e9);
        }
        if (sink == null) {
            throw new AssertionError();
        }
        Arrays.sort(rates);
        return rates[batches / 2];
    }
}
