package nl.vangnet.pdq;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images at the pixel limit, written to disk with memory in proportion to one row: a 16-bit RGBA
 * PNG by a minimal PNG writer of our own (rows through a {@link Deflater}) and a JPEG by ImageIO
 * from a raster whose samples are computed when the encoder asks for them, so no 49-megapixel
 * raster ever exists in the test JVM.
 *
 * <p>The picture is a function of the pixel position: gradients, a disc and a grid of shaded
 * blocks, all smooth enough to compress well and with enough edges for a quality-100 hash. Its
 * exact PDQ hash is computed here from the same function without any decoding, which is what the
 * decoded files are checked against.
 *
 * <p>Also a command for the benchmark in {@code docs/benchmarks.md}: {@code java -cp
 * pdq/target/classes:pdq/target/test-classes nl.vangnet.pdq.LargeImages DIR}.
 */
public final class LargeImages {

    private LargeImages() {}

    /**
     * Writes the two benchmark images of {@code docs/benchmarks.md} into the directory given as
     * the only argument and prints the exact hash of their pixels.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int side = 7000;
        System.out.println(writePng16Rgba(dir.resolve("rgba16-7000x7000.png"), side, side));
        System.out.println(writeJpeg(dir.resolve("rgb-7000x7000.jpg"), side, side, 0.9f));
        PdqResult expected = expectedHash(side, side);
        System.out.println("pixels hash to " + expected.hash().toHex() + "," + expected.quality());
    }

    /** Row y of the picture as 16-bit samples, red, green, blue, alpha for each pixel. */
    static void row16(int width, int height, int y, int[] rgba) {
        int cell = Math.max(1, width / 7);
        long dy = y - height / 2;
        long radius = width / 5;
        int green = (int) ((long) y * 0xffff / Math.max(1, height - 1));
        for (int x = 0, i = 0; x < width; x++, i += 4) {
            int shade = (((x / cell) * 7 + (y / cell) * 3) % 5) * 12_000;
            long dx = x - width / 3;
            boolean disc = dx * dx + dy * dy < radius * radius;
            rgba[i] = (int) (((long) x * 0xffff / Math.max(1, width - 1) + shade) / 2);
            rgba[i + 1] = (green + shade) / 2;
            rgba[i + 2] = ((disc ? 60_000 : 8_000) + shade) / 2;
            rgba[i + 3] = 0xffff - (x & 0xff);
        }
    }

    /** The 8-bit value ImageIO's colour model gives for a 16-bit sample. */
    static int eightBit(int sample16) {
        return (int) (((float) sample16) / ((float) 0xffff) * 255f + 0.5f);
    }

    /** The PDQ hash of the picture, computed from the pixel function without any image I/O. */
    static PdqResult expectedHash(int width, int height) {
        return PdqAlgorithm.hash(new PdqAlgorithm.LumaSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            private final int[] rgba = new int[width * 4];

            @Override
            public void readRow(int y, float[] out) {
                row16(width, height, y, rgba);
                for (int x = 0; x < width; x++) {
                    out[x] = PdqAlgorithm.LUMA_FROM_R * eightBit(rgba[4 * x])
                            + PdqAlgorithm.LUMA_FROM_G * eightBit(rgba[4 * x + 1])
                            + PdqAlgorithm.LUMA_FROM_B * eightBit(rgba[4 * x + 2]);
                }
            }
        });
    }

    /** A non-interlaced 16-bit RGBA PNG of the picture (colour type 6, bit depth 16). */
    static Path writePng16Rgba(Path file, int width, int height) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
            ihdr.put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
            writeChunk(out, "IHDR", ihdr.array(), 13);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream idat =
                    new DeflaterOutputStream(new ChunkStream(out, "IDAT", 1 << 20), deflater, 1 << 16)) {
                int bytesPerPixel = 8;
                byte[] row = new byte[1 + width * bytesPerPixel];
                row[0] = 1; // filter type Sub: each byte minus the same byte of the pixel to its left
                byte[] raw = new byte[width * bytesPerPixel];
                int[] rgba = new int[width * 4];
                for (int y = 0; y < height; y++) {
                    row16(width, height, y, rgba);
                    for (int s = 0; s < rgba.length; s++) {
                        raw[2 * s] = (byte) (rgba[s] >>> 8);
                        raw[2 * s + 1] = (byte) rgba[s];
                    }
                    for (int i = 0; i < raw.length; i++) {
                        int left = i >= bytesPerPixel ? raw[i - bytesPerPixel] : 0;
                        row[1 + i] = (byte) (raw[i] - left);
                    }
                    idat.write(row);
                }
            } finally {
                deflater.end();
            }
            writeChunk(out, "IEND", new byte[0], 0);
        }
        return file;
    }

    /** A baseline JPEG of the picture (8-bit YCbCr) at the given quality, 0..1. */
    static Path writeJpeg(Path file, int width, int height, float quality) throws IOException {
        ColorModel colours = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
        PixelInterleavedSampleModel samples =
                new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, 3, width * 3, new int[] {0, 1, 2});
        WritableRaster raster = Raster.createWritableRaster(samples, new ComputedSamples(width, height), new Point());
        BufferedImage image = new BufferedImage(colours, raster, false, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * 8-bit RGB samples of the picture, computed when read; only the row last asked for is kept
     * (the JPEG encoder reads row by row).
     */
    private static final class ComputedSamples extends DataBuffer {
        private final int width;
        private final int height;
        private final int[] rgba;
        private int row = -1;

        ComputedSamples(int width, int height) {
            super(DataBuffer.TYPE_BYTE, Math.multiplyExact(Math.multiplyExact(width, height), 3));
            this.width = width;
            this.height = height;
            this.rgba = new int[width * 4];
        }

        @Override
        public int getElem(int bank, int i) {
            int pixel = i / 3;
            int y = pixel / width;
            if (y != row) {
                row16(width, height, y, rgba);
                row = y;
            }
            return eightBit(rgba[4 * (pixel % width) + i % 3]);
        }

        @Override
        public void setElem(int bank, int i, int val) {
            throw new UnsupportedOperationException("computed samples are read-only");
        }
    }

    private static void writeChunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(typeBytes);
        out.write(data, 0, length);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Cuts what is written into PNG chunks of one type, each at most {@code size} bytes. */
    private static final class ChunkStream extends OutputStream {
        private final OutputStream out;
        private final String type;
        private final byte[] buffer;
        private int used;

        ChunkStream(OutputStream out, String type, int size) {
            this.out = out;
            this.type = type;
            this.buffer = new byte[size];
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        /** Writes the last chunk; the underlying stream stays open for the chunks after it. */
        @Override
        public void close() throws IOException {
            if (used > 0) {
                flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            writeChunk(out, type, buffer, used);
            used = 0;
        }
    }
}
