package nl.vangnet.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads luminance rows out of a {@link BufferedImage}.
 *
 * <p>{@code BufferedImage.getRGB} per pixel, which the Java reference uses, costs more than the
 * whole rest of PDQ, so the common layouts that ImageIO produces (interleaved 8-bit RGB or BGR
 * with or without alpha, 8-bit grey, packed {@code int} RGB) are read straight from the raster's
 * data buffer. Everything else goes through {@code getRGB} one row at a time, which is correct for
 * any colour model, only slower.
 *
 * <p>Two deliberate choices, both matching the C++ reference rather than the Java one: pixel
 * values are taken as stored, without colour management (an embedded ICC profile is not applied),
 * and 8-bit grey images use the grey value itself as luminance (Java's {@code getRGB} would first
 * map linear grey through an sRGB curve). Alpha is ignored, as in both references.
 */
final class ImageLuma {

    /**
     * {@code coefficient * value} for every 8-bit value, computed in float exactly as the
     * reference's per-pixel product, so a lookup gives the identical float and saves the
     * int-to-float conversion and multiply.
     */
    private static final float[] RED = products(PdqAlgorithm.LUMA_FROM_R);

    private static final float[] GREEN = products(PdqAlgorithm.LUMA_FROM_G);
    private static final float[] BLUE = products(PdqAlgorithm.LUMA_FROM_B);

    /**
     * The 8-bit value {@code ComponentColorModel.getRGB} gives for each 16-bit sRGB sample
     * ({@code (int) (v / 65535f * 255f + 0.5f)}, in float as there), so 16-bit images read
     * natively hash exactly as they did through {@code getRGB}.
     */
    private static final byte[] SIXTEEN_TO_EIGHT = sixteenToEight();

    private ImageLuma() {}

    private static byte[] sixteenToEight() {
        byte[] table = new byte[1 << 16];
        for (int v = 0; v < table.length; v++) {
            float normalised = ((float) v) / ((float) 0xffff);
            table[v] = (byte) (int) (normalised * 255f + 0.5f);
        }
        return table;
    }

    private static float[] products(float coefficient) {
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = coefficient * v;
        }
        return table;
    }

    static PdqAlgorithm.LumaSource of(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel colorModel = image.getColorModel();
        DataBuffer buffer = raster.getDataBuffer();
        if (buffer instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof ComponentSampleModel samples
                && colorModel instanceof ComponentColorModel
                && samples.getDataType() == DataBuffer.TYPE_BYTE
                && !colorModel.isAlphaPremultiplied()) {
            int colourType = colorModel.getColorSpace().getType();
            int colours = colorModel.getNumColorComponents();
            if (colourType == ColorSpace.TYPE_RGB && colours == 3 && samples.getNumBands() >= 3) {
                return new InterleavedRgb(raster, bytes, samples);
            }
            if (colourType == ColorSpace.TYPE_GRAY && colours == 1) {
                return new Grey(raster, bytes, samples);
            }
        }
        if (buffer instanceof DataBufferUShort shorts
                && raster.getSampleModel() instanceof ComponentSampleModel samples
                && colorModel instanceof ComponentColorModel
                && !colorModel.isAlphaPremultiplied()
                && colorModel.getColorSpace().isCS_sRGB()
                && colorModel.getNumColorComponents() == 3
                && samples.getNumBands() >= 3
                && isSixteenBit(colorModel)) {
            return new InterleavedRgb16(raster, shorts, samples);
        }
        if (buffer instanceof DataBufferInt ints
                && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel samples
                && colorModel instanceof DirectColorModel direct
                && !direct.isAlphaPremultiplied()
                && direct.getColorSpace().isCS_sRGB()
                && isEightBit(direct.getRedMask())
                && isEightBit(direct.getGreenMask())
                && isEightBit(direct.getBlueMask())) {
            return new PackedInt(raster, ints, samples, direct);
        }
        return new ViaGetRgb(image);
    }

    private static boolean isSixteenBit(ColorModel model) {
        for (int c = 0; c < 3; c++) {
            if (model.getComponentSize(c) != 16) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEightBit(int mask) {
        return mask != 0 && (mask >>> Integer.numberOfTrailingZeros(mask)) == 0xff;
    }

    /** Interleaved or banded 8-bit RGB(A), such as TYPE_3BYTE_BGR and TYPE_4BYTE_ABGR. */
    private static final class InterleavedRgb implements PdqAlgorithm.LumaSource {
        private final int width;
        private final int height;
        private final byte[] red;
        private final byte[] green;
        private final byte[] blue;
        private final int redBase;
        private final int greenBase;
        private final int blueBase;
        private final int pixelStride;
        private final int scanlineStride;

        InterleavedRgb(Raster raster, DataBufferByte buffer, ComponentSampleModel samples) {
            this.width = raster.getWidth();
            this.height = raster.getHeight();
            int[] banks = samples.getBankIndices();
            int[] offsets = samples.getBandOffsets();
            int[] bankOffsets = buffer.getOffsets();
            int origin = (raster.getMinY() - raster.getSampleModelTranslateY()) * samples.getScanlineStride()
                    + (raster.getMinX() - raster.getSampleModelTranslateX()) * samples.getPixelStride();
            this.red = buffer.getData(banks[0]);
            this.green = buffer.getData(banks[1]);
            this.blue = buffer.getData(banks[2]);
            this.redBase = origin + bankOffsets[banks[0]] + offsets[0];
            this.greenBase = origin + bankOffsets[banks[1]] + offsets[1];
            this.blueBase = origin + bankOffsets[banks[2]] + offsets[2];
            this.pixelStride = samples.getPixelStride();
            this.scanlineStride = samples.getScanlineStride();
        }

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
            int row = y * scanlineStride;
            if (red == green && green == blue) {
                // One interleaved array: a single index lets the JIT hoist the bounds checks.
                byte[] data = red;
                int g = greenBase - redBase;
                int b = blueBase - redBase;
                for (int x = 0, p = redBase + row; x < width; x++, p += pixelStride) {
                    out[x] = RED[data[p] & 0xff] + GREEN[data[p + g] & 0xff] + BLUE[data[p + b] & 0xff];
                }
                return;
            }
            int r = redBase + row;
            int g = greenBase + row;
            int b = blueBase + row;
            for (int x = 0; x < width; x++) {
                out[x] = RED[red[r] & 0xff] + GREEN[green[g] & 0xff] + BLUE[blue[b] & 0xff];
                r += pixelStride;
                g += pixelStride;
                b += pixelStride;
            }
        }
    }

    /**
     * Interleaved or banded 16-bit sRGB(A), as ImageIO decodes 16-bit PNGs. Reading it here
     * rather than through {@code getRGB} is what makes the largest PNGs (8 bytes per pixel)
     * affordable; the values are the ones {@code getRGB} would give.
     */
    private static final class InterleavedRgb16 implements PdqAlgorithm.LumaSource {
        private final int width;
        private final int height;
        private final short[] red;
        private final short[] green;
        private final short[] blue;
        private final int redBase;
        private final int greenBase;
        private final int blueBase;
        private final int pixelStride;
        private final int scanlineStride;

        InterleavedRgb16(Raster raster, DataBufferUShort buffer, ComponentSampleModel samples) {
            this.width = raster.getWidth();
            this.height = raster.getHeight();
            int[] banks = samples.getBankIndices();
            int[] offsets = samples.getBandOffsets();
            int[] bankOffsets = buffer.getOffsets();
            int origin = (raster.getMinY() - raster.getSampleModelTranslateY()) * samples.getScanlineStride()
                    + (raster.getMinX() - raster.getSampleModelTranslateX()) * samples.getPixelStride();
            this.red = buffer.getData(banks[0]);
            this.green = buffer.getData(banks[1]);
            this.blue = buffer.getData(banks[2]);
            this.redBase = origin + bankOffsets[banks[0]] + offsets[0];
            this.greenBase = origin + bankOffsets[banks[1]] + offsets[1];
            this.blueBase = origin + bankOffsets[banks[2]] + offsets[2];
            this.pixelStride = samples.getPixelStride();
            this.scanlineStride = samples.getScanlineStride();
        }

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
            byte[] eight = SIXTEEN_TO_EIGHT;
            int row = y * scanlineStride;
            int r = redBase + row;
            int g = greenBase + row;
            int b = blueBase + row;
            for (int x = 0; x < width; x++) {
                out[x] = RED[eight[red[r] & 0xffff] & 0xff]
                        + GREEN[eight[green[g] & 0xffff] & 0xff]
                        + BLUE[eight[blue[b] & 0xffff] & 0xff];
                r += pixelStride;
                g += pixelStride;
                b += pixelStride;
            }
        }
    }

    /** 8-bit grey, such as TYPE_BYTE_GRAY. */
    private static final class Grey implements PdqAlgorithm.LumaSource {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int base;
        private final int pixelStride;
        private final int scanlineStride;

        Grey(Raster raster, DataBufferByte buffer, ComponentSampleModel samples) {
            this.width = raster.getWidth();
            this.height = raster.getHeight();
            int bank = samples.getBankIndices()[0];
            this.data = buffer.getData(bank);
            this.base = buffer.getOffsets()[bank]
                    + (raster.getMinY() - raster.getSampleModelTranslateY()) * samples.getScanlineStride()
                    + (raster.getMinX() - raster.getSampleModelTranslateX()) * samples.getPixelStride()
                    + samples.getBandOffsets()[0];
            this.pixelStride = samples.getPixelStride();
            this.scanlineStride = samples.getScanlineStride();
        }

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
            int p = base + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                out[x] = data[p] & 0xff;
                p += pixelStride;
            }
        }
    }

    /** Packed 8-bit RGB in ints, such as TYPE_INT_RGB, TYPE_INT_ARGB and TYPE_INT_BGR. */
    private static final class PackedInt implements PdqAlgorithm.LumaSource {
        private final int width;
        private final int height;
        private final int[] data;
        private final int base;
        private final int scanlineStride;
        private final int redShift;
        private final int greenShift;
        private final int blueShift;

        PackedInt(Raster raster, DataBufferInt buffer, SinglePixelPackedSampleModel samples, DirectColorModel model) {
            this.width = raster.getWidth();
            this.height = raster.getHeight();
            this.data = buffer.getData();
            this.scanlineStride = samples.getScanlineStride();
            this.base = buffer.getOffset()
                    + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanlineStride
                    + (raster.getMinX() - raster.getSampleModelTranslateX());
            this.redShift = Integer.numberOfTrailingZeros(model.getRedMask());
            this.greenShift = Integer.numberOfTrailingZeros(model.getGreenMask());
            this.blueShift = Integer.numberOfTrailingZeros(model.getBlueMask());
        }

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
            int p = base + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                int pixel = data[p + x];
                out[x] = RED[(pixel >>> redShift) & 0xff]
                        + GREEN[(pixel >>> greenShift) & 0xff]
                        + BLUE[(pixel >>> blueShift) & 0xff];
            }
        }
    }

    /** Any other image: the colour model converts to sRGB, one row per call. */
    private static final class ViaGetRgb implements PdqAlgorithm.LumaSource {
        private final BufferedImage image;
        private final int[] row;

        ViaGetRgb(BufferedImage image) {
            this.image = image;
            this.row = new int[image.getWidth()];
        }

        @Override
        public int width() {
            return image.getWidth();
        }

        @Override
        public int height() {
            return image.getHeight();
        }

        @Override
        public void readRow(int y, float[] out) {
            int width = row.length;
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                out[x] = RED[(rgb >> 16) & 0xff] + GREEN[(rgb >> 8) & 0xff] + BLUE[rgb & 0xff];
            }
        }
    }
}
