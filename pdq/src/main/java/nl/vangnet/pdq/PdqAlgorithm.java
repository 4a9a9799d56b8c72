package nl.vangnet.pdq;

import java.util.Arrays;

/**
 * The PDQ algorithm on a luminance image: Jarosz tent-filter downsampling to 64x64, a quality
 * score from the image-domain gradients, a 16x16 block of the 2D DCT, and one bit per coefficient
 * against the median.
 *
 * <p>Why it is shaped like this. Hashes are compared with hashes made by Meta's C++ and Java
 * reference implementations on other platforms, so every floating-point operation that can change
 * a bit is done in the same order and precision as the reference: the box filters keep the
 * reference's running float sum (add the entering sample, then subtract the leaving one, then
 * divide by the window count), and the DCT sums its 64 products in index order. Speed comes only
 * from reordering the loops around those operations, never the operations themselves: the
 * vertical passes run across whole rows at once (so the JIT can vectorise them and memory is read
 * in order), the horizontal passes interleave eight rows to hide the latency of the running sum,
 * and the second pair of passes only computes the 64x64 samples that decimation keeps. The image
 * is filtered in place, one float array per row, with a small ring of saved rows, so hashing needs
 * about 4 bytes per pixel on top of the decoded image instead of the reference's 8.
 *
 * <p>Images narrower or lower than {@value #MIN_HASHABLE_DIMENSION} pixels get the all-zero hash
 * with quality 0, as in the C++ reference.
 */
final class PdqAlgorithm {

    static final int MIN_HASHABLE_DIMENSION = 5;

    static final float LUMA_FROM_R = 0.299f;
    static final float LUMA_FROM_G = 0.587f;
    static final float LUMA_FROM_B = 0.114f;

    private static final int SIDE = 64;
    private static final int DCT_SIDE = 16;
    private static final int WINDOW_SIZE_DIVISOR = 2 * SIDE;
    private static final int ROW_GROUP = 8;

    /** 16x64, row-major: row i is DCT basis function i + 1 (the DC term is skipped). */
    private static final float[] DCT_MATRIX = dctMatrix();

    /** The same matrix transposed (64x16), so the second DCT product runs along contiguous memory. */
    private static final float[] DCT_MATRIX_TRANSPOSED = transpose(DCT_MATRIX, DCT_SIDE, SIDE);

    private PdqAlgorithm() {}

    /** A source of luminance rows; lets callers convert pixels row by row without a full copy. */
    interface LumaSource {
        int width();

        int height();

        /** Writes the luminance (0..255 scale) of row {@code y} into {@code out[0..width)}. */
        void readRow(int y, float[] out);
    }

    /** The 16x16 DCT coefficients (row-major) and the quality score of one image. */
    record Transform(float[] coefficients, int quality) {}

    static PdqResult hash(LumaSource source) {
        Transform t = transform(source);
        if (t == null) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return new PdqResult(toHash(t.coefficients()), t.quality());
    }

    static PdqDihedralResult dihedral(LumaSource source) {
        PdqHash[] hashes = new PdqHash[Dihedral.values().length];
        Transform t = transform(source);
        if (t == null) {
            Arrays.fill(hashes, PdqHash.zero());
            return new PdqDihedralResult(hashes, 0);
        }
        float[] scratch = new float[DCT_SIDE * DCT_SIDE];
        for (Dihedral variant : Dihedral.values()) {
            applyDihedral(variant, t.coefficients(), scratch);
            hashes[variant.ordinal()] = toHash(scratch);
        }
        return new PdqDihedralResult(hashes, t.quality());
    }

    /** Returns null for images below the minimum hashable size. */
    static Transform transform(LumaSource source) {
        int width = source.width();
        int height = source.height();
        if (width < MIN_HASHABLE_DIMENSION || height < MIN_HASHABLE_DIMENSION) {
            return null;
        }
        float[] downsampled = downsample(source, width, height);
        int quality = quality(downsampled);
        return new Transform(dct64To16(downsampled), quality);
    }

    // ---------------------------------------------------------------- downsampling

    static int jaroszWindowSize(int dimension) {
        return (dimension + WINDOW_SIZE_DIVISOR - 1) / WINDOW_SIZE_DIVISOR;
    }

    /**
     * Two X-then-Y passes of a box filter (a tent filter overall), then the 64x64 samples at the
     * centres of a 64x64 grid. Produces the reference's values for the samples it keeps.
     *
     * <p>The image is held as one array per row. That is not for convenience: C2 only vectorises
     * a loop when it can prove that its loads and stores cannot overlap in a harmful way, which
     * it can for {@code a[c]} and {@code b[c]} (same index) but not for {@code a[row + c]} and
     * {@code b[c]}; with row arrays every inner loop is of the first kind.
     */
    static float[] downsample(LumaSource source, int width, int height) {
        int rowWindow = jaroszWindowSize(width);
        int columnWindow = jaroszWindowSize(height);
        float[] rowCounts = windowCounts(width, rowWindow);
        float[] columnCounts = windowCounts(height, columnWindow);

        // Pass 1, along rows, straight from the pixel source.
        float[][] image = new float[height][];
        float[][] luma = new float[ROW_GROUP][width];
        for (int y = 0; y < height; y += ROW_GROUP) {
            int rows = Math.min(ROW_GROUP, height - y);
            for (int r = 0; r < rows; r++) {
                source.readRow(y + r, luma[r]);
                image[y + r] = new float[width];
            }
            runningSums(luma, image, y, rows, width, rowWindow);
            for (int r = 0; r < rows; r++) {
                divide(image[y + r], rowCounts, width);
            }
        }
        // Pass 1, along columns.
        boxColumnsInPlace(image, width, height, columnWindow, columnCounts);
        // Pass 2, along rows, keeping only the 64 sampled columns.
        float[][] narrow = boxRowsSampled(image, width, height, rowWindow, rowCounts, sampleIndices(width));
        // Pass 2, along columns, keeping only the 64 sampled rows.
        return boxColumnsSampled(narrow, height, columnWindow, columnCounts, sampleIndices(height));
    }

    /** Row or column index of each of the 64 samples, at cell centres as in the reference. */
    static int[] sampleIndices(int dimension) {
        int[] indices = new int[SIDE];
        for (int i = 0; i < SIDE; i++) {
            indices[i] = (int) (((i + 0.5) * dimension) / SIDE);
        }
        return indices;
    }

    /**
     * How many samples the box window around each position covers. The window reaches
     * {@code right} samples ahead and {@code left} behind and is clipped at the edges.
     */
    static float[] windowCounts(int length, int window) {
        int right = (window + 2) / 2 - 1;
        int left = window - right - 1;
        float[] counts = new float[length];
        for (int k = 0; k < length; k++) {
            counts[k] = Math.min(length - 1, k + right) - Math.max(0, k - left) + 1;
        }
        return counts;
    }

    private static void divide(float[] values, float[] counts, int length) {
        for (int k = 0; k < length; k++) {
            values[k] = values[k] / counts[k];
        }
    }

    /**
     * Un-normalised window sums of rows {@code in[0..rows)} into {@code out[first..first+rows)},
     * several rows at a time: each row's running sum is a chain of dependent additions, and
     * interleaving independent chains keeps the floating-point units busy.
     */
    private static void runningSums(float[][] in, float[][] out, int first, int rows, int width, int window) {
        if (rows == ROW_GROUP) {
            runningSums8(in, out, first, width, window);
        } else {
            for (int r = 0; r < rows; r++) {
                runningSums1(in[r], out[first + r], width, window);
            }
        }
    }

    /**
     * Window sums of one row. The order of additions and subtractions is the reference's: first
     * the leading samples, then for each output the entering sample is added before the leaving
     * one is subtracted.
     */
    private static void runningSums1(float[] in, float[] out, int length, int window) {
        int right = (window + 2) / 2 - 1;
        int left = window - right - 1;
        float sum = 0;
        for (int k = 0; k < right; k++) {
            sum += in[k];
        }
        for (int k = 0; k < length; k++) {
            if (k + right < length) {
                sum += in[k + right];
            }
            if (k > left) {
                sum -= in[k - left - 1];
            }
            out[k] = sum;
        }
    }

    /** {@link #runningSums1} for eight rows at once. */
    private static void runningSums8(float[][] in, float[][] out, int first, int length, int window) {
        int right = (window + 2) / 2 - 1;
        int left = window - right - 1;
        float[] a0 = in[0];
        float[] a1 = in[1];
        float[] a2 = in[2];
        float[] a3 = in[3];
        float[] a4 = in[4];
        float[] a5 = in[5];
        float[] a6 = in[6];
        float[] a7 = in[7];
        float[] b0 = out[first];
        float[] b1 = out[first + 1];
        float[] b2 = out[first + 2];
        float[] b3 = out[first + 3];
        float[] b4 = out[first + 4];
        float[] b5 = out[first + 5];
        float[] b6 = out[first + 6];
        float[] b7 = out[first + 7];
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        for (int k = 0; k < right; k++) {
            s0 += a0[k];
            s1 += a1[k];
            s2 += a2[k];
            s3 += a3[k];
            s4 += a4[k];
            s5 += a5[k];
            s6 += a6[k];
            s7 += a7[k];
        }
        // Leading edge: add only.
        int k = 0;
        for (; k <= left; k++) {
            int a = k + right;
            b0[k] = s0 += a0[a];
            b1[k] = s1 += a1[a];
            b2[k] = s2 += a2[a];
            b3[k] = s3 += a3[a];
            b4[k] = s4 += a4[a];
            b5[k] = s5 += a5[a];
            b6[k] = s6 += a6[a];
            b7[k] = s7 += a7[a];
        }
        // Full window: add the entering sample, then subtract the leaving one.
        for (int end = length - right; k < end; k++) {
            int a = k + right;
            int d = k - left - 1;
            b0[k] = s0 = (s0 + a0[a]) - a0[d];
            b1[k] = s1 = (s1 + a1[a]) - a1[d];
            b2[k] = s2 = (s2 + a2[a]) - a2[d];
            b3[k] = s3 = (s3 + a3[a]) - a3[d];
            b4[k] = s4 = (s4 + a4[a]) - a4[d];
            b5[k] = s5 = (s5 + a5[a]) - a5[d];
            b6[k] = s6 = (s6 + a6[a]) - a6[d];
            b7[k] = s7 = (s7 + a7[a]) - a7[d];
        }
        // Trailing edge: subtract only.
        for (; k < length; k++) {
            int d = k - left - 1;
            b0[k] = s0 -= a0[d];
            b1[k] = s1 -= a1[d];
            b2[k] = s2 -= a2[d];
            b3[k] = s3 -= a3[d];
            b4[k] = s4 -= a4[d];
            b5[k] = s5 -= a5[d];
            b6[k] = s6 -= a6[d];
            b7[k] = s7 -= a7[d];
        }
    }

    /**
     * Box-filters every column in place, sweeping down the image one row at a time so that all
     * columns advance together, vectorised, over contiguous memory. Rows that have left the
     * window are still needed for subtraction after their place has been overwritten, so the
     * original row arrays are kept in a ring of {@code left + 1} and each output row is written
     * into the array of the row that has just left the ring: no copying.
     */
    private static void boxColumnsInPlace(float[][] image, int width, int height, int window, float[] counts) {
        int right = (window + 2) / 2 - 1;
        int left = window - right - 1;
        float[][] ring = new float[left + 1][];
        float[] sums = new float[width];
        for (int k = 0; k < right; k++) {
            add(sums, image[k], width);
        }
        for (int k = 0; k < height; k++) {
            int slot = k % ring.length;
            float[] original = image[k];
            float[] leaving = k > left ? ring[slot] : null;
            float[] entering = k + right < height ? image[k + right] : null;
            float[] out = leaving != null ? leaving : new float[width];
            float count = counts[k];
            if (entering != null && leaving != null) {
                for (int c = 0; c < width; c++) {
                    float s = (sums[c] + entering[c]) - leaving[c];
                    sums[c] = s;
                    out[c] = s / count;
                }
            } else if (entering != null) {
                for (int c = 0; c < width; c++) {
                    float s = sums[c] + entering[c];
                    sums[c] = s;
                    out[c] = s / count;
                }
            } else {
                for (int c = 0; c < width; c++) {
                    float s = sums[c] - leaving[c];
                    sums[c] = s;
                    out[c] = s / count;
                }
            }
            ring[slot] = original;
            image[k] = out;
        }
    }

    /** Second horizontal pass: full running sums, but only the sampled columns are kept. */
    private static float[][] boxRowsSampled(
            float[][] image, int width, int height, int window, float[] counts, int[] columns) {
        float[][] sums = new float[ROW_GROUP][width];
        float[][] narrow = new float[height][SIDE];
        float[] sampledCounts = new float[SIDE];
        for (int j = 0; j < SIDE; j++) {
            sampledCounts[j] = counts[columns[j]];
        }
        float[][] group = new float[ROW_GROUP][];
        for (int y = 0; y < height; y += ROW_GROUP) {
            int rows = Math.min(ROW_GROUP, height - y);
            System.arraycopy(image, y, group, 0, rows);
            runningSums(group, sums, 0, rows, width, window);
            for (int r = 0; r < rows; r++) {
                float[] rowSums = sums[r];
                float[] out = narrow[y + r];
                for (int j = 0; j < SIDE; j++) {
                    out[j] = rowSums[columns[j]] / sampledCounts[j];
                }
            }
        }
        return narrow;
    }

    /** Second vertical pass over the 64 kept columns, keeping only the 64 sampled rows. */
    private static float[] boxColumnsSampled(float[][] narrow, int height, int window, float[] counts, int[] rows) {
        int right = (window + 2) / 2 - 1;
        int left = window - right - 1;
        float[] sums = new float[SIDE];
        float[] out = new float[SIDE * SIDE];
        for (int k = 0; k < right; k++) {
            add(sums, narrow[k], SIDE);
        }
        int next = 0;
        for (int k = 0; k < height && next < SIDE; k++) {
            if (k + right < height) {
                add(sums, narrow[k + right], SIDE);
            }
            if (k > left) {
                subtract(sums, narrow[k - left - 1], SIDE);
            }
            while (next < SIDE && rows[next] == k) {
                float count = counts[k];
                for (int c = 0; c < SIDE; c++) {
                    out[next * SIDE + c] = sums[c] / count;
                }
                next++;
            }
        }
        return out;
    }

    private static void add(float[] sums, float[] row, int width) {
        for (int c = 0; c < width; c++) {
            sums[c] += row[c];
        }
    }

    private static void subtract(float[] sums, float[] row, int width) {
        for (int c = 0; c < width; c++) {
            sums[c] -= row[c];
        }
    }

    // ---------------------------------------------------------------- quality

    /**
     * The reference's heuristic: the sum of quantised absolute differences between neighbouring
     * samples of the 64x64 image, scaled so that ordinary photos reach 100.
     */
    static int quality(float[] image64) {
        int gradientSum = 0;
        for (int i = 0; i < SIDE - 1; i++) {
            for (int j = 0; j < SIDE; j++) {
                float u = image64[i * SIDE + j];
                float v = image64[(i + 1) * SIDE + j];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE - 1; j++) {
                float u = image64[i * SIDE + j];
                float v = image64[i * SIDE + j + 1];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    // ---------------------------------------------------------------- DCT

    private static float[] dctMatrix() {
        float scale = (float) Math.sqrt(2.0 / SIDE);
        float[] matrix = new float[DCT_SIDE * SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                matrix[i * SIDE + j] = (float) (scale * Math.cos((Math.PI / 2 / SIDE) * (i + 1) * (2 * j + 1)));
            }
        }
        return matrix;
    }

    private static float[] transpose(float[] matrix, int rows, int columns) {
        float[] t = new float[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                t[j * rows + i] = matrix[i * columns + j];
            }
        }
        return t;
    }

    /**
     * B = D A D^T restricted to frequencies 1..16 in each direction. Each output is a sum over
     * k = 0..63 in increasing k, as in the reference; the loops are ordered so the innermost one
     * runs over independent outputs and can be vectorised without changing any sum.
     */
    static float[] dct64To16(float[] a) {
        float[] t = new float[DCT_SIDE * SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            int tRow = i * SIDE;
            for (int k = 0; k < SIDE; k++) {
                float d = DCT_MATRIX[i * SIDE + k];
                int aRow = k * SIDE;
                for (int j = 0; j < SIDE; j++) {
                    t[tRow + j] += d * a[aRow + j];
                }
            }
        }
        float[] b = new float[DCT_SIDE * DCT_SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            int bRow = i * DCT_SIDE;
            for (int k = 0; k < SIDE; k++) {
                float tik = t[i * SIDE + k];
                int dRow = k * DCT_SIDE;
                for (int j = 0; j < DCT_SIDE; j++) {
                    b[bRow + j] += tik * DCT_MATRIX_TRANSPOSED[dRow + j];
                }
            }
        }
        return b;
    }

    // ---------------------------------------------------------------- bits

    /**
     * One bit per coefficient: set when it is above the median. The median of 256 values is the
     * lower middle one (the 128th smallest), which is what the reference's Torben search returns.
     */
    static PdqHash toHash(float[] coefficients) {
        float[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        float median = sorted[coefficients.length / 2 - 1];
        long[] words = new long[4];
        for (int k = 0; k < coefficients.length; k++) {
            if (coefficients[k] > median) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return PdqHash.fromWords(words[0], words[1], words[2], words[3]);
    }

    /**
     * The DCT of a rotated or mirrored image follows from the original's: mirroring along an axis
     * negates the odd-frequency terms along that axis (frequency {@code i + 1} for index i), and a
     * reflection in the diagonal transposes the block.
     */
    static void applyDihedral(Dihedral variant, float[] in, float[] out) {
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < DCT_SIDE; j++) {
                float v = in[i * DCT_SIDE + j];
                boolean iEven = (i & 1) == 0;
                boolean jEven = (j & 1) == 0;
                boolean sumOdd = ((i + j) & 1) != 0;
                switch (variant) {
                    case ORIGINAL -> out[i * DCT_SIDE + j] = v;
                    case ROTATE_90 -> out[j * DCT_SIDE + i] = jEven ? -v : v;
                    case ROTATE_180 -> out[i * DCT_SIDE + j] = sumOdd ? -v : v;
                    case ROTATE_270 -> out[j * DCT_SIDE + i] = iEven ? -v : v;
                    case FLIP_X -> out[i * DCT_SIDE + j] = iEven ? -v : v;
                    case FLIP_Y -> out[i * DCT_SIDE + j] = jEven ? -v : v;
                    case FLIP_PLUS_1 -> out[j * DCT_SIDE + i] = v;
                    case FLIP_MINUS_1 -> out[j * DCT_SIDE + i] = sumOdd ? -v : v;
                }
            }
        }
    }
}
