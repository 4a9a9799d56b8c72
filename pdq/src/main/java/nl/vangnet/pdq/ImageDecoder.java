package nl.vangnet.pdq;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns untrusted bytes into the PDQ transform of their pixels, or into a {@link
 * PdqDecodeException} that says why not.
 *
 * <p>Every input here may have been crafted to hurt the server that hashes it, so the order of
 * work is: bound the number of bytes read; detect the format from its signature; read only the
 * header and refuse images above the pixel limit before any raster is allocated; decode only the
 * first frame with metadata ignored; and turn every failure of the decoder, including runtime
 * exceptions thrown by ImageIO on malformed data and running out of heap, into the checked
 * exception.
 *
 * <p><b>Bounded memory</b> (ADR 0022). Pixels are decoded in horizontal bands at full
 * resolution, in the reader's native raster type, and each band is turned into luma rows and fed
 * to the streaming {@link PdqAlgorithm.Downsampler} before the next band is decoded into the same
 * raster. A band holds at most {@value #MAX_BAND_BYTES} bytes, less when the encoded bytes are
 * themselves in memory, so that encoded bytes + one band + the downsampler's rows stay under
 * {@value #MEMORY_BOUND_BYTES} bytes for any image within the default limits. Most images fit in
 * one band and are decoded exactly once; larger ones (in practice 16-bit PNGs near the pixel
 * limit) are decoded with {@link ImageReadParam#setSourceRegion source regions}, which the JDK
 * readers implement by decoding from the top and stopping after the region, so n bands cost
 * about (n + 1) / 2 full decodes. Nothing is subsampled, so the hash is exactly that of a full
 * decode. Files are read through a buffered channel rather than loaded whole.
 *
 * <p>The JDK's own readers are preferred over any third-party ImageIO plugin that happens to be
 * on the class path, so the same file gives the same hash in every deployment. WebP is the
 * exception: the JDK has no WebP reader, so a WebP file is decoded only if the application has
 * registered a plugin for it (see ADR 0021), and is otherwise refused as unsupported.
 */
final class ImageDecoder {

    /** The peak heap one decode may use at the default limits, documented in ADR 0022. */
    static final long MEMORY_BOUND_BYTES = 400_000_000L;

    /**
     * The largest band raster. 200 MB takes the worst case at 50 megapixels, 16-bit RGBA at 8
     * bytes per pixel, in two bands, and every 8-bit image in one.
     */
    static final long MAX_BAND_BYTES = 200_000_000L;

    /**
     * The smallest band budget, used when a caller's larger {@code maxEncodedBytes} leaves less:
     * the bound is then exceeded rather than every row decoded as a band of its own (each band
     * decodes the image again from the top).
     */
    static final long MIN_BAND_BYTES = 16_000_000L;

    /** Room for the JDK readers' own row buffers and tables, and for the hasher's small arrays. */
    private static final long RESERVE_BYTES = 32_000_000L;

    /**
     * Widest image decoded. The JDK readers keep several full rows of their own whatever the
     * source region, and the hasher a few dozen rows of floats, so memory grows with the width
     * alone; at 2^20 pixels (JPEG and GIF stop at 65,535) that is still well inside the bound.
     */
    static final int MAX_WIDTH = 1 << 20;

    private static final int HEADER_BYTES = 64;
    private static final String JDK_READER_PACKAGE = "com.sun.imageio.plugins.";
    private static final int BMP_COMPRESSION_OFFSET = 30;
    private static final int BMP_JPEG = 4;
    private static final int BMP_PNG = 5;

    private final DecodeOptions options;
    private final long maxBandBytes;

    ImageDecoder(DecodeOptions options) {
        this(options, MAX_BAND_BYTES);
    }

    /** With a smaller band limit, for tests that check banded decoding against a single band. */
    ImageDecoder(DecodeOptions options, long maxBandBytes) {
        if (maxBandBytes < 1) {
            throw new IllegalArgumentException("maxBandBytes must be positive, got " + maxBandBytes);
        }
        this.options = options;
        this.maxBandBytes = maxBandBytes;
    }

    /** The transform of the image in a file; null for images below the hashable size. */
    PdqAlgorithm.Transform transform(Path file) throws IOException {
        // A missing file stays a plain NoSuchFileException.
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > options.maxEncodedBytes()) {
                throw new ImageTooLargeException(
                        -1,
                        -1,
                        "Image file is " + size + " bytes, larger than the limit of " + options.maxEncodedBytes()
                                + " bytes; it was not decoded");
            }
            try (ChannelImageInputStream stream = new ChannelImageInputStream(channel, size)) {
                return transform(stream, 0);
            }
        }
    }

    /** The transform of the image read from a stream (to its end; not closed). */
    PdqAlgorithm.Transform transform(InputStream in) throws IOException {
        long limit = options.maxEncodedBytes();
        ByteArrayImageInputStream stream;
        try {
            stream = ByteArrayImageInputStream.readFrom(in, limit);
        } catch (OutOfMemoryError e) {
            throw notEnoughMemory("read this image's data", e);
        }
        if (stream.length() > limit) {
            throw new ImageTooLargeException(
                    -1, -1, "Image file is larger than the limit of " + limit + " bytes; it was not decoded");
        }
        return transform(stream, stream.length());
    }

    /** The transform of the image in an array. */
    PdqAlgorithm.Transform transform(byte[] data) throws PdqDecodeException {
        if (data.length > options.maxEncodedBytes()) {
            throw new ImageTooLargeException(
                    -1,
                    -1,
                    "Image data is " + data.length + " bytes, more than the limit of " + options.maxEncodedBytes());
        }
        return transform(new ByteArrayImageInputStream(data, data.length), data.length);
    }

    /**
     * The whole first frame in one raster of the reader's native layout, after the same checks;
     * null below the hashable size. Not used for hashing (it needs memory in proportion to the
     * pixel count): it is the decode-only baseline of the benchmarks.
     */
    BufferedImage decodeWhole(byte[] data) throws PdqDecodeException {
        return decode(new ByteArrayImageInputStream(data, data.length), (reader, name, width, height, warnings) -> {
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            refuseTruncation(name, warnings);
            return image;
        });
    }

    private PdqAlgorithm.Transform transform(ImageInputStream stream, long heldBytes) throws PdqDecodeException {
        return decode(
                stream,
                (reader, name, width, height, warnings) ->
                        decodeInBands(reader, name, width, height, heldBytes, warnings));
    }

    /** What is done with a reader once the header has passed every check. */
    private interface Decoding<T> {
        T decode(ImageReader reader, String name, int width, int height, List<String> warnings) throws IOException;
    }

    /**
     * Checks the image in {@code stream} and decodes it with {@code decoding}; null for images
     * below the hashable size, which are not decoded.
     */
    private <T> T decode(ImageInputStream stream, Decoding<T> decoding) throws PdqDecodeException {
        byte[] header = new byte[HEADER_BYTES];
        int length = readHeader(stream, header);
        if (length == 0) {
            throw new UnsupportedImageFormatException("unknown", "Empty input: no image data");
        }
        ImageFormat format = ImageFormat.detect(header, length);
        refuseEmbeddedBmpPayload(format, header, length);
        ImageReader reader = readerFor(format);
        List<String> warnings = new ArrayList<>();
        String name = format.shortName();
        try {
            stream.seek(0);
            // Not seek-forward-only: every band reads the image again from its start.
            reader.setInput(stream, false, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new PdqDecodeException("Invalid " + name + " header: size " + width + "x" + height);
            }
            if (width * height > options.maxPixels()) {
                throw new ImageTooLargeException(
                        width,
                        height,
                        "Image is " + width + "x" + height + " pixels, more than the limit of " + options.maxPixels()
                                + " pixels; it was not decoded");
            }
            if (width > MAX_WIDTH) {
                throw new ImageTooLargeException(
                        width,
                        height,
                        "Image is " + width + " pixels wide, more than the limit of " + MAX_WIDTH
                                + " pixels; it was not decoded");
            }
            if (!PdqAlgorithm.isHashable(width, height)) {
                // The hash of such an image is all zeros whatever its pixels (as in the C++
                // reference), so they are not decoded: a 4 x 12,000,000 image costs nothing.
                return null;
            }
            try {
                return decoding.decode(reader, name, (int) width, (int) height, warnings);
            } catch (OutOfMemoryError e) {
                throw notEnoughMemory("decode this " + name + " image of " + width + "x" + height + " pixels", e);
            }
        } catch (PdqDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (causedByOutOfMemory(e)) {
                // The PNG reader wraps an OutOfMemoryError in an IIOException.
                throw notEnoughMemory("decode this " + name + " image", e);
            }
            if (e instanceof IIOException) {
                throw new PdqDecodeException("Invalid " + name + " image: " + e.getMessage(), e);
            }
            // ImageIO readers report malformed data with all kinds of runtime exceptions.
            throw new PdqDecodeException(
                    "Invalid " + name + " image (" + e.getClass().getSimpleName() + ")", e);
        } catch (OutOfMemoryError e) {
            throw notEnoughMemory("decode this " + name + " image", e);
        } finally {
            reader.dispose();
        }
    }

    private PdqAlgorithm.Transform decodeInBands(
            ImageReader reader, String name, int width, int height, long heldBytes, List<String> warnings)
            throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            throw new PdqDecodeException("The " + name + " decoder offers no pixel layout for this image");
        }
        // The reader's first type is what it decodes into by default: its native layout.
        ImageTypeSpecifier type = types.next();
        int rows = bandRows(width, height, bytesPerPixel(type.getSampleModel(1, 1)), heldBytes);
        BufferedImage band = type.createBufferedImage(width, rows);
        PdqAlgorithm.LumaSource bandLuma = ImageLuma.of(band);
        PdqAlgorithm.Downsampler downsampler = new PdqAlgorithm.Downsampler(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(band);
        for (int top = 0; top < height; top += rows) {
            int bandHeight = Math.min(rows, height - top);
            param.setSourceRegion(new Rectangle(0, top, width, bandHeight));
            BufferedImage decoded = reader.read(0, param);
            if (decoded == null) {
                throw new PdqDecodeException("The " + name + " decoder returned no image");
            }
            refuseTruncation(name, warnings);
            PdqAlgorithm.LumaSource luma = bandLuma;
            if (decoded != band) {
                // A plugin that ignores the destination; its own image is used instead.
                if (decoded.getWidth() != width || decoded.getHeight() < bandHeight) {
                    throw new PdqDecodeException("The " + name + " decoder returned an image of the wrong size");
                }
                luma = ImageLuma.of(decoded);
            }
            downsampler.accept(luma, bandHeight);
        }
        return PdqAlgorithm.transform(downsampler.finish());
    }

    /**
     * Rows per band: as many as fit in the band budget, which is {@link #MAX_BAND_BYTES} or what
     * is left of the bound after the bytes already held, the downsampler and the reserve (but at
     * least {@link #MIN_BAND_BYTES}); at least one row.
     */
    int bandRows(int width, int height, long bytesPerPixel, long heldBytes) {
        long left =
                MEMORY_BOUND_BYTES - heldBytes - RESERVE_BYTES - PdqAlgorithm.Downsampler.memoryBytes(width, height);
        long budget = Math.min(maxBandBytes, Math.max(MIN_BAND_BYTES, left));
        long rowBytes = Math.max(1, bytesPerPixel * width);
        return (int) Math.max(1, Math.min(height, budget / rowBytes));
    }

    /** An upper bound of the raster bytes per pixel of a layout (packed sub-byte pixels count as one byte). */
    static long bytesPerPixel(SampleModel samples) {
        long bits = (long) samples.getNumDataElements() * DataBuffer.getDataTypeSize(samples.getTransferType());
        return Math.max(1, (bits + 7) / 8);
    }

    private static int readHeader(ImageInputStream stream, byte[] header) throws PdqDecodeException {
        try {
            int length = 0;
            while (length < header.length) {
                int n = stream.read(header, length, header.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return length;
        } catch (IOException e) {
            throw new PdqDecodeException("Could not read the image data: " + e.getMessage(), e);
        }
    }

    private void refuseTruncation(String name, List<String> warnings) throws PdqDecodeException {
        if (options.acceptCorruptData()) {
            return;
        }
        for (String warning : warnings) {
            if (isTruncation(warning)) {
                throw new PdqDecodeException("The " + name + " image is truncated or corrupt: " + warning);
            }
        }
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only reachable when the heap is smaller than the bound, or shared with other work; the
     * failed allocation is released by then, so the hasher stays usable.
     */
    private static NotEnoughMemoryException notEnoughMemory(String what, Throwable cause) {
        long maxHeapMb = Runtime.getRuntime().maxMemory() / 1_000_000;
        return new NotEnoughMemoryException(
                "Not enough memory to " + what + ": the Java heap (at most " + maxHeapMb + " MB) ran out;"
                        + " hashing one image within the default limits needs up to "
                        + MEMORY_BOUND_BYTES / 1_000_000 + " MB",
                cause);
    }

    /** libjpeg reports a cut-off file as a warning and fills the rest of the image with grey. */
    private static boolean isTruncation(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("truncated") || w.contains("premature end");
    }

    /**
     * A BMP may wrap a whole JPEG or PNG, which the JDK decodes with dimensions taken from the
     * inner image rather than the checked BMP header. No camera or phone produces these.
     */
    private static void refuseEmbeddedBmpPayload(ImageFormat format, byte[] data, int length)
            throws UnsupportedImageFormatException {
        if (format != ImageFormat.BMP || length < BMP_COMPRESSION_OFFSET + 4) {
            return;
        }
        int compression = (data[BMP_COMPRESSION_OFFSET] & 0xff)
                | (data[BMP_COMPRESSION_OFFSET + 1] & 0xff) << 8
                | (data[BMP_COMPRESSION_OFFSET + 2] & 0xff) << 16
                | (data[BMP_COMPRESSION_OFFSET + 3] & 0xff) << 24;
        if (compression == BMP_JPEG || compression == BMP_PNG) {
            throw new UnsupportedImageFormatException(
                    "bmp", "BMP files with an embedded JPEG or PNG are not supported");
        }
    }

    private static ImageReader readerFor(ImageFormat format) throws UnsupportedImageFormatException {
        if (format == ImageFormat.UNKNOWN) {
            throw new UnsupportedImageFormatException(
                    "unknown", "Not a recognised image format; supported are JPEG, PNG, GIF and BMP");
        }
        if (!format.builtIn() && format != ImageFormat.WEBP) {
            // The JDK can read TIFF, but TIFF's many codecs are attack surface nobody asked for.
            throw new UnsupportedImageFormatException(
                    format.shortName(),
                    "The " + format.shortName().toUpperCase(Locale.ROOT)
                            + " format is not supported by this build; supported are JPEG, PNG, GIF and BMP");
        }
        ImageReader fallback = null;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.shortName());
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith(JDK_READER_PACKAGE)) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return reader;
            }
            if (fallback == null) {
                fallback = reader;
            } else {
                reader.dispose();
            }
        }
        if (fallback != null) {
            return fallback;
        }
        if (format == ImageFormat.WEBP) {
            throw new UnsupportedImageFormatException(
                    "webp",
                    "WebP is not supported by this build: the JDK has no WebP decoder and no WebP ImageIO plugin"
                            + " is installed; convert the image to JPEG or PNG");
        }
        throw new UnsupportedImageFormatException(
                format.shortName(), "No ImageIO reader for " + format.shortName() + " is available in this JDK");
    }
}
