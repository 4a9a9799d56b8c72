package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optimised pipeline (in-place filtering, ring buffer, eight-row interleaving, sampled second
 * pass) must give bit-identical results to the textbook formulation of the algorithm: two full
 * image buffers, four complete box-filter passes, then decimation. The textbook version lives
 * here, written as plainly as possible.
 */
class PdqAlgorithmTests {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
        "5,5",
        "7,300",
        "300,7",
        "64,64",
        "127,129",
        "128,128",
        "129,127",
        "333,250",
        "1024,768",
        "1000,1601",
        "5,3000",
        "70000,6",
        "66000,300"
    })
    void downsamplesExactlyLikeTheTextbookFormulation(int width, int height) {
        float[] luma = randomLuma(width, height, width * 31L + height);

        float[] fast = PdqAlgorithm.downsample(source(luma, width, height), width, height);

        assertThat(fast).isEqualTo(textbookDownsample(luma, width, height));
    }

    @Test
    void computesTheDctExactlyLikeTheTextbookMatrixProduct() {
        float[] image64 = randomLuma(64, 64, 5);

        assertThat(PdqAlgorithm.dct64To16(image64)).isEqualTo(textbookDct(image64));
    }

    @Test
    void jaroszWindowIsOneHundredTwentyEighthOfTheSideRoundedUp() {
        assertThat(PdqAlgorithm.jaroszWindowSize(1)).isEqualTo(1);
        assertThat(PdqAlgorithm.jaroszWindowSize(128)).isEqualTo(1);
        assertThat(PdqAlgorithm.jaroszWindowSize(129)).isEqualTo(2);
        assertThat(PdqAlgorithm.jaroszWindowSize(1024)).isEqualTo(8);
    }

    @Test
    void setsExactlyHalfTheBitsForDistinctCoefficients() {
        float[] coefficients = randomLuma(16, 16, 3);

        PdqHash hash = PdqAlgorithm.toHash(coefficients);

        assertThat(hash.bitCount()).isEqualTo(128);
        float[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < 256; k++) {
            assertThat(hash.bit(k)).isEqualTo(coefficients[k] > sorted[127]);
        }
    }

    @Test
    void flatImagesHaveQualityZero() {
        BufferedImage grey = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);

        PdqResult result = Pdq.hasher().hash(grey);

        assertThat(result.quality()).isZero();
        assertThat(result.isActionable()).isFalse();
    }

    @Test
    void imagesBelowFivePixelsGetTheZeroHashLikeTheCppReference() {
        BufferedImage thin = TestImages.synthetic(4, 400, 1);

        assertThat(Pdq.hasher().hash(thin)).isEqualTo(new PdqResult(PdqHash.zero(), 0));
        assertThat(Pdq.hasher().hashDihedral(thin).hashes()).containsOnly(PdqHash.zero());
    }

    @Test
    void dihedralVariantsMatchHashingTheTransformedPixels() throws java.io.IOException {
        BufferedImage image = javax.imageio.ImageIO.read(
                TestVectors.image("bridge-mods/shrink-a-little.jpg").toFile());
        PdqDihedralResult variants = Pdq.hasher().hashDihedral(image);
        int w = image.getWidth();
        int h = image.getHeight();

        assertClose(variants.hash(Dihedral.ROTATE_90), transform(image, true, (x, y) -> new int[] {y, w - 1 - x}));
        assertClose(variants.hash(Dihedral.ROTATE_180), transform(image, false, (x, y) ->
                new int[] {w - 1 - x, h - 1 - y}));
        assertClose(variants.hash(Dihedral.ROTATE_270), transform(image, true, (x, y) -> new int[] {h - 1 - y, x}));
        assertClose(variants.hash(Dihedral.FLIP_X), transform(image, false, (x, y) -> new int[] {x, h - 1 - y}));
        assertClose(variants.hash(Dihedral.FLIP_Y), transform(image, false, (x, y) -> new int[] {w - 1 - x, y}));
        assertClose(variants.hash(Dihedral.FLIP_PLUS_1), transform(image, true, (x, y) -> new int[] {y, x}));
        assertClose(variants.hash(Dihedral.FLIP_MINUS_1), transform(image, true, (x, y) ->
                new int[] {h - 1 - y, w - 1 - x}));
    }

    private interface PixelMap {
        int[] to(int x, int y);
    }

    private static BufferedImage transform(BufferedImage image, boolean transposes, PixelMap map) {
        int w = transposes ? image.getHeight() : image.getWidth();
        int h = transposes ? image.getWidth() : image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int[] target = map.to(x, y);
                out.setRGB(target[0], target[1], image.getRGB(x, y));
            }
        }
        return out;
    }

    private static void assertClose(PdqHash derived, BufferedImage transformed) {
        // Box windows and sample positions are not exactly symmetric, so allow a few bits.
        assertThat(derived.hammingDistance(Pdq.hasher().hash(transformed).hash()))
                .isLessThanOrEqualTo(8);
    }

    // ---------------------------------------------------------------- textbook formulation

    private static float[] textbookDownsample(float[] luma, int width, int height) {
        float[] a = luma.clone();
        float[] b = new float[a.length];
        int rowWindow = (width + 127) / 128;
        int columnWindow = (height + 127) / 128;
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < height; y++) {
                box(a, y * width, 1, b, width, rowWindow);
            }
            for (int x = 0; x < width; x++) {
                box(b, x, width, a, height, columnWindow);
            }
        }
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int y = (int) (((i + 0.5) * height) / 64);
            for (int j = 0; j < 64; j++) {
                int x = (int) (((j + 0.5) * width) / 64);
                out[i * 64 + j] = a[y * width + x];
            }
        }
        return out;
    }

    /** Box filter of one line: a running sum over a window reaching half ahead, clipped at ends. */
    private static void box(float[] in, int start, int stride, float[] out, int length, int window) {
        int ahead = (window + 2) / 2 - 1;
        int behind = window - ahead - 1;
        float sum = 0;
        int count = 0;
        for (int k = 0; k < ahead; k++) {
            sum += in[start + k * stride];
            count++;
        }
        for (int k = 0; k < length; k++) {
            if (k + ahead < length) {
                sum += in[start + (k + ahead) * stride];
                count++;
            }
            if (k - behind - 1 >= 0) {
                sum -= in[start + (k - behind - 1) * stride];
                count--;
            }
            out[start + k * stride] = sum / count;
        }
    }

    private static float[] textbookDct(float[] a) {
        // The scale factor is rounded to float before use, as in both references.
        float scale = (float) Math.sqrt(2.0 / 64);
        float[][] d = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1)));
            }
        }
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += d[i][k] * a[k * 64 + j];
                }
                t[i][j] = sum;
            }
        }
        float[] out = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += t[i][k] * d[j][k];
                }
                out[i * 16 + j] = sum;
            }
        }
        return out;
    }

    private static float[] randomLuma(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] luma = new float[width * height];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (float) (random.nextDouble() * 255);
        }
        return luma;
    }

    private static PdqAlgorithm.LumaSource source(float[] luma, int width, int height) {
        return new PdqAlgorithm.LumaSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void readRow(int y, float[] out) {
                System.arraycopy(luma, y * width, out, 0, width);
            }
        };
    }
}
