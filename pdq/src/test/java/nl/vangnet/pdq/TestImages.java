package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Synthetic images and hand-made hostile files for decoder tests. */
final class TestImages {

    private TestImages() {}

    /** A deterministic picture with gradients, shapes and noise, so its hash has quality 100. */
    static BufferedImage synthetic(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        int cx = width / 3;
        int cy = height / 2;
        int cell = Math.max(2, Math.min(width, height) / 9);
        int[] shade = new int[64];
        for (int i = 0; i < shade.length; i++) {
            shade[i] = random.nextInt(160);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255) / Math.max(1, width - 1);
                int g = (y * 255) / Math.max(1, height - 1);
                int dx = x - cx;
                int dy = y - cy;
                int b = dx * dx + dy * dy < (width * width) / 25 ? 230 : 30;
                int block = shade[((x / cell) * 7 + (y / cell) * 3) & 63];
                int noise = random.nextInt(24) - 12;
                image.setRGB(x, y, rgb((r + block) / 2 + noise, (g + block) / 2 - noise, b + noise));
            }
        }
        return image;
    }

    private static int rgb(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The image converted to another BufferedImage type. */
    static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
        copy.createGraphics().drawImage(source, 0, 0, null);
        return copy;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose header claims the given size but which holds only a few bytes of data. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A GIF whose first frame claims the given size. */
    static byte[] gifClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) width)
                .putShort((short) height)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        b.put((byte) 0x2c).putShort((short) 0).putShort((short) 0);
        b.putShort((short) width).putShort((short) height).put((byte) 0);
        b.put((byte) 2)
                .put((byte) 2)
                .put((byte) 0x4c)
                .put((byte) 0x01)
                .put((byte) 0)
                .put((byte) 0x3b);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /**
     * An 8-bit BMP with a two-colour palette claiming the given size, whose pixel data is a single
     * "end of bitmap" code: with run-length compression (1) that is a valid, tiny bomb.
     */
    static byte[] bmpClaiming(int width, int height, int compression) {
        int dataOffset = 54 + 8;
        ByteBuffer b = ByteBuffer.allocate(dataOffset + 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(dataOffset + 2).putInt(0).putInt(dataOffset);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8);
        b.putInt(compression).putInt(2).putInt(2835).putInt(2835).putInt(2).putInt(0);
        b.putInt(0).putInt(0x00ffffff);
        b.put((byte) 0).put((byte) 1);
        return b.array();
    }

    /**
     * A copy of a JPEG with the frame header's size replaced. Walks the marker segments, so a
     * thumbnail's frame header inside an EXIF segment is skipped.
     */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int i = 2;
        while (i + 4 < copy.length && (copy[i] & 0xff) == 0xff) {
            int marker = copy[i + 1] & 0xff;
            int length = (copy[i + 2] & 0xff) << 8 | (copy[i + 3] & 0xff);
            if (marker >= 0xc0 && marker <= 0xc3) {
                copy[i + 5] = (byte) (height >>> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >>> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no frame header found");
    }
}
