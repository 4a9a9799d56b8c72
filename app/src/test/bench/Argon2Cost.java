import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Time of one Argon2id hash (BouncyCastle, as the intake module uses it) per parameter set, one
 * thread, median of 30 after 10 warm-up runs. Run with BouncyCastle on the class path:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar \
 *      app/src/test/bench/Argon2Cost.java
 * </pre>
 */
public class Argon2Cost {
    public static void main(String[] args) {
        int[][] sets = {{19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}, {47104, 1}, {65536, 3}};
        for (int[] set : sets) {
            long[] times = new long[30];
            for (int i = -10; i < times.length; i++) {
                long t0 = System.nanoTime();
                Argon2BytesGenerator g = new Argon2BytesGenerator();
                g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(new byte[16])
                        .withMemoryAsKB(set[0])
                        .withIterations(set[1])
                        .withParallelism(1)
                        .build());
                g.generateBytes("123456789012".getBytes(), new byte[32]);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            java.util.Arrays.sort(times);
            System.out.printf("m=%d KiB t=%d p=1: median %.1f ms%n", set[0], set[1], times[15] / 1e6);
        }
    }
}
