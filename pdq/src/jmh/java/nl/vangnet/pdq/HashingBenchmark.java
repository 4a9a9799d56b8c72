package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end hashing of a 1024x768 JPEG against decoding alone, on one thread. The image is
 * synthetic and generated the same way on every run (gradients, blocks and noise), so the figures
 * do not depend on any photo. The interesting ratio is {@code decodeAndHash / decodeOnly}: how
 * much of the per-image time PDQ adds on top of the JPEG decoder it cannot avoid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class HashingBenchmark {

    private byte[] jpeg;
    private BufferedImage decoded;
    private PdqHasher hasher;
    private ImageDecoder decoder;

    @Setup
    public void setUp() throws IOException {
        jpeg = syntheticJpeg(1024, 768, 20_240_601L);
        hasher = Pdq.hasher();
        decoder = new ImageDecoder(DecodeOptions.defaults());
        decoded = decoder.decodeWhole(jpeg);
    }

    /** Baseline: the same decoding path the hasher uses, without PDQ. */
    @Benchmark
    public BufferedImage decodeOnly() throws IOException {
        return decoder.decodeWhole(jpeg);
    }

    @Benchmark
    public PdqResult decodeAndHash() throws IOException {
        return hasher.hash(jpeg);
    }

    @Benchmark
    public PdqDihedralResult decodeAndHashDihedral() throws IOException {
        return hasher.hashDihedral(jpeg);
    }

    /** PDQ alone on already decoded pixels. */
    @Benchmark
    public PdqResult hashDecodedPixels() {
        return hasher.hash(decoded);
    }

    static byte[] syntheticJpeg(int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(seed);
        int[] shade = new int[256];
        for (int i = 0; i < shade.length; i++) {
            shade[i] = random.nextInt(200);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int block = shade[((x / 40) * 13 + (y / 30) * 7) & 255];
                int r = (x * 255 / width + block) / 2 + random.nextInt(16);
                int g = (y * 255 / height + block) / 2 + random.nextInt(16);
                int b = ((x ^ y) & 0xff) / 2 + block / 3;
                image.setRGB(x, y, Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
