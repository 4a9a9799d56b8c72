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
        return hash(transform(source));
    }

    /** The hash of a transform; null (an image below the minimum size) gives the zero hash. */
    static PdqResult hash(Transform t) {
        if (t == null) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return new PdqResult(toHash(t.coefficients()), t.quality());
    }

    static PdqDihedralResult dihedral(LumaSource source) {
        return dihedral(transform(source));
    }

    /** The eight dihedral hashes of a transform; null gives eight zero hashes. */
    static PdqDihedralResult dihedral(Transform t) {
        PdqHash[] hashes = new PdqHash[Dihedral.values().length];
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

    static boolean isHashable(long width, long height) {
        return width >= MIN_HASHABLE_DIMENSION && height >= MIN_HASHABLE_DIMENSION;
    }

    /** Returns null for images below the minimum hashable size. */
    static Transform transform(LumaSource source) {
        int width = source.width();
        int height = source.height();
        if (!isHashable(width, height)) {
            return null;
        }
        return transform(downsample(source, width, height));
    }

    /** Quality and DCT of the 64x64 downsampled image. */
    static Transform transform(float[] downsampled) {
        int quality = quality(downsampled);
        return new Transform(dct64To16(downsampled), quality);
    }

    // ---------------------------------------------------------------- downsampling

    static int jaroszWindowSize(int dimension) {
        return (dimension + WINDOW_SIZE_DIVISOR - 1) / WINDOW_SIZE_DIVISOR;
    }

    /**
     * Two X-then-Y passes of a box filter (a tent filter overall), then the 64x64 samples at the
     * centres of a 64x64 grid, over a whole source. See {@link Downsampler}.
     */
    static float[] downsample(LumaSource source, int width, int height) {
        Downsampler downsampler = new Downsampler(width, height);
        downsampler.accept(source, height);
        return downsampler.finish();
    }

    /**
     * The four box-filter passes as a stream: luma rows go in top to bottom, exactly once, and
     * the 64x64 samples come out at the end. Nothing is ever held for the whole image, so hashing
     * needs memory in proportion to the width times the vertical window (1/128 of the height),
     * not to the pixel count; that is what lets the decoder hand over an image in bands.
     *
     * <p>Every sample goes through the same floating-point operations in the same order as in
     * the reference's four whole-image passes (checked against a textbook implementation in
     * {@code PdqAlgorithmTests}):
     *
     * <ol>
     *   <li>along each row as it arrives, a running window sum divided by the window count;
     *   <li>down the columns, a running sum over a ring of the last {@code window + group} rows
     *       from step 1: the entering row is added before the leaving one is subtracted;
     *   <li>along each row from step 2, running sums of which only the 64 sampled columns are
     *       kept;
     *   <li>down those 64 columns, the same running sum over a ring of narrow rows, keeping the
     *       64 sampled rows.
     * </ol>
     *
     * <p>The image is held as separate row arrays rather than one flat array. That is not for
     * convenience: C2 only vectorises a loop when it can prove that its loads and stores cannot
     * overlap in a harmful way, which it can for {@code a[c]} and {@code b[c]} (same index) but
     * not for {@code a[row + c]} and {@code b[c]}; with row arrays every inner loop is of the
     * first kind. Rows go through the horizontal passes eight at a time (interleaved running
     * sums), except for rows so wide that eight of them would cost more memory than it is worth.
     */
    static final class Downsampler {

        /** Above this width rows are filtered one at a time, to keep the buffers small. */
        private static final int WIDE_ROW = 1 << 16;

        private final int width;
        private final int height;
        private final int rowWindow;
        private final int right;
        private final int left;
        private final int group;
        private final float[] rowCounts;
        private final float[] columnCounts;
        private final int[] sampledColumns;
        private final int[] sampledRows;
        private final float[] sampledColumnCounts;

        // Step 1 input: luma rows waiting for the horizontal pass.
        private final float[][] luma;
        private int lumaRows;
        private int received;

        // Step 2: horizontally filtered rows, row r in slot r % ring.length.
        private final float[][] ring;
        private final float[][] targets;
        private final float[] columnSums;
        private int filtered;
        private int columnOutputs;

        // Step 3 input: vertically filtered rows waiting for the second horizontal pass.
        private final float[][] vertical;
        private final float[][] secondSums;
        private int verticalRows;

        // Step 4: narrow rows of 64 samples, row r in slot r % narrowRing.length.
        private final float[][] narrowRing;
        private final float[] narrowSums = new float[SIDE];
        private int narrowRows;
        private int nextSample;
        private final float[] out = new float[SIDE * SIDE];

        Downsampler(int width, int height) {
            if (!isHashable(width, height)) {
                throw new IllegalArgumentException("Image of " + width + "x" + height + " is below the hashable size");
            }
            this.width = width;
            this.height = height;
            this.rowWindow = jaroszWindowSize(width);
            int columnWindow = jaroszWindowSize(height);
            this.right = (columnWindow + 2) / 2 - 1;
            this.left = columnWindow - right - 1;
            this.group = width > WIDE_ROW ? 1 : ROW_GROUP;
            this.rowCounts = windowCounts(width, rowWindow);
            this.columnCounts = windowCounts(height, columnWindow);
            this.sampledColumns = sampleIndices(width);
            this.sampledRows = sampleIndices(height);
            this.sampledColumnCounts = new float[SIDE];
            for (int j = 0; j < SIDE; j++) {
                sampledColumnCounts[j] = rowCounts[sampledColumns[j]];
            }
            this.luma = new float[group][width];
            // A group of rows is filtered before any of them is used, so the ring holds the
            // window plus one group.
            this.ring = new float[columnWindow + group][width];
            this.targets = new float[group][];
            this.columnSums = new float[width];
            this.vertical = new float[group][width];
            this.secondSums = new float[group][width];
            this.narrowRing = new float[columnWindow + 1][SIDE];
        }

        /** Bytes this downsampler allocates for an image of the given size (an estimate for planning). */
        static long memoryBytes(long width, long height) {
            long columnWindow = jaroszWindowSize((int) Math.min(Integer.MAX_VALUE, height));
            long group = width > WIDE_ROW ? 1 : ROW_GROUP;
            long rows = group * 3 + columnWindow + group + 4;
            return rows * (width * Float.BYTES + 16) + (columnWindow + 1) * (SIDE * Float.BYTES + 16);
        }

        /** Takes rows {@code 0..rows-1} of {@code source} as the next rows of the image. */
        void accept(LumaSource source, int rows) {
            if (rows > height - received) {
                throw new IllegalStateException("More rows than the image height " + height);
            }
            if (source.width() != width) {
                throw new IllegalArgumentException("Rows of width " + source.width() + ", expected " + width);
            }
            for (int y = 0; y < rows; y++) {
                source.readRow(y, luma[lumaRows++]);
                received++;
                if (lumaRows == group) {
                    filterLumaRows();
                }
            }
        }

        /** The 64x64 downsampled image, once all rows have been given. */
        float[] finish() {
            if (received != height) {
                throw new IllegalStateException("Got " + received + " of " + height + " rows");
            }
            if (lumaRows > 0) {
                filterLumaRows();
            }
            // The last rows have no entering row any more; only the leaving ones are subtracted.
            while (columnOutputs < height) {
                emitColumnOutput(null);
            }
            if (verticalRows > 0) {
                filterVerticalRows();
            }
            for (int k = Math.max(0, height - right); k < height && nextSample < SIDE; k++) {
                narrowStep(k, null);
            }
            if (nextSample != SIDE) {
                throw new IllegalStateException("Produced " + nextSample + " of " + SIDE + " sampled rows");
            }
            return out;
        }

        /** Step 1 for the buffered luma rows, then step 2 for each of them. */
        private void filterLumaRows() {
            int rows = lumaRows;
            float[][] targets = this.targets;
            for (int r = 0; r < rows; r++) {
                targets[r] = ring[(filtered + r) % ring.length];
            }
            runningSums(luma, targets, 0, rows, width, rowWindow);
            for (int r = 0; r < rows; r++) {
                divide(targets[r], rowCounts, width);
            }
            lumaRows = 0;
            for (int r = 0; r < rows; r++) {
                int row = filtered++;
                if (row < right) {
                    add(columnSums, ring[row % ring.length], width);
                } else {
                    emitColumnOutput(ring[row % ring.length]);
                }
            }
        }

        /**
         * Step 2 for the next output row k: the sums move down by one row, {@code entering} being
         * row {@code k + right} (null past the bottom) and the leaving one row {@code k - left - 1}
         * (none before the window is full).
         */
        private void emitColumnOutput(float[] entering) {
            int k = columnOutputs++;
            float[] leaving = k > left ? ring[(k - left - 1) % ring.length] : null;
            float[] target = vertical[verticalRows++];
            float[] sums = columnSums;
            float count = columnCounts[k];
            if (entering != null && leaving != null) {
                for (int c = 0; c < width; c++) {
                    float s = (sums[c] + entering[c]) - leaving[c];
                    sums[c] = s;
                    target[c] = s / count;
                }
            } else if (entering != null) {
                for (int c = 0; c < width; c++) {
                    float s = sums[c] + entering[c];
                    sums[c] = s;
                    target[c] = s / count;
                }
            } else if (leaving != null) {
                for (int c = 0; c < width; c++) {
                    float s = sums[c] - leaving[c];
                    sums[c] = s;
                    target[c] = s / count;
                }
            } else {
                for (int c = 0; c < width; c++) {
                    target[c] = sums[c] / count;
                }
            }
            if (verticalRows == group) {
                filterVerticalRows();
            }
        }

        /** Step 3: running sums along the buffered rows, keeping the 64 sampled columns. */
        private void filterVerticalRows() {
            int rows = verticalRows;
            runningSums(vertical, secondSums, 0, rows, width, rowWindow);
            verticalRows = 0;
            for (int r = 0; r < rows; r++) {
                float[] rowSums = secondSums[r];
                float[] narrow = narrowRing[narrowRows % narrowRing.length];
                for (int j = 0; j < SIDE; j++) {
                    narrow[j] = rowSums[sampledColumns[j]] / sampledColumnCounts[j];
                }
                int row = narrowRows++;
                if (row < right) {
                    add(narrowSums, narrow, SIDE);
                } else {
                    narrowStep(row - right, narrow);
                }
            }
        }

        /** Step 4 for position k, {@code entering} being narrow row {@code k + right} or null. */
        private void narrowStep(int k, float[] entering) {
            if (entering != null) {
                add(narrowSums, entering, SIDE);
            }
            if (k > left) {
                subtract(narrowSums, narrowRing[(k - left - 1) % narrowRing.length], SIDE);
            }
            float count = columnCounts[k];
            while (nextSample < SIDE && sampledRows[nextSample] == k) {
                int base = nextSample * SIDE;
                for (int c = 0; c < SIDE; c++) {
                    out[base + c] = narrowSums[c] / count;
                }
                nextSample++;
            }
        }
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
