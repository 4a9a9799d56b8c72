package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Turns untrusted bytes into a {@link BufferedImage}, or into a {@link PdqDecodeException} that
 * says why not.
 *
 * <p>Every input here may have been crafted to hurt the server that hashes it, so the order of
 * work is: bound the number of bytes read; detect the format from its signature; read only the
 * header and refuse images above the pixel limit before any raster is allocated; decode only the
 * first frame with metadata ignored; and turn every failure of the decoder, including runtime
 * exceptions thrown by ImageIO on malformed data, into the checked exception.
 *
 * <p>The JDK's own readers are preferred over any third-party ImageIO plugin that happens to be
 * on the class path, so the same file gives the same hash in every deployment. WebP is the
 * exception: the JDK has no WebP reader, so a WebP file is decoded only if the application has
 * registered a plugin for it (see ADR 0021), and is otherwise refused as unsupported.
 */
final class ImageDecoder {

    private static final String JDK_READER_PACKAGE = "com.sun.imageio.plugins.";
    private static final int BMP_COMPRESSION_OFFSET = 30;
    private static final int BMP_JPEG = 4;
    private static final int BMP_PNG = 5;

    private final DecodeOptions options;

    ImageDecoder(DecodeOptions options) {
        this.options = options;
    }

    BufferedImage decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in);
        }
    }

    BufferedImage decode(InputStream in) throws IOException {
        long limit = options.maxEncodedBytes();
        byte[] data = in.readNBytes((int) limit + 1);
        if (data.length > limit) {
            throw new ImageTooLargeException(
                    -1, -1, "Image file is larger than the limit of " + limit + " bytes; it was not decoded");
        }
        return decode(data, data.length);
    }

    BufferedImage decode(byte[] data) throws PdqDecodeException {
        if (data.length > options.maxEncodedBytes()) {
            throw new ImageTooLargeException(
                    -1,
                    -1,
                    "Image data is " + data.length + " bytes, more than the limit of " + options.maxEncodedBytes());
        }
        return decode(data, data.length);
    }

    private BufferedImage decode(byte[] data, int length) throws PdqDecodeException {
        if (length == 0) {
            throw new UnsupportedImageFormatException("unknown", "Empty input: no image data");
        }
        ImageFormat format = ImageFormat.detect(data, length);
        refuseEmbeddedBmpPayload(format, data, length);
        ImageReader reader = readerFor(format);
        List<String> warnings = new ArrayList<>();
        try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(data, length)) {
            reader.setInput(stream, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new PdqDecodeException("Invalid " + format.shortName() + " header: size " + width + "x" + height);
            }
            if (width * height > options.maxPixels()) {
                throw new ImageTooLargeException(
                        width,
                        height,
                        "Image is " + width + "x" + height + " pixels, more than the limit of " + options.maxPixels()
                                + " pixels; it was not decoded");
            }
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            if (image == null) {
                throw new PdqDecodeException("The " + format.shortName() + " decoder returned no image");
            }
            if (!options.acceptCorruptData()) {
                for (String warning : warnings) {
                    if (isTruncation(warning)) {
                        throw new PdqDecodeException(
                                "The " + format.shortName() + " image is truncated or corrupt: " + warning);
                    }
                }
            }
            return image;
        } catch (PdqDecodeException e) {
            throw e;
        } catch (IIOException e) {
            throw new PdqDecodeException("Invalid " + format.shortName() + " image: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // ImageIO readers report malformed data with all kinds of runtime exceptions.
            throw new PdqDecodeException(
                    "Invalid " + format.shortName() + " image (" + e.getClass().getSimpleName() + ")", e);
        } catch (OutOfMemoryError e) {
            // Only reachable when the heap is smaller than the configured pixel limit needs; the
            // failed allocation is released, so the hasher stays usable.
            throw new PdqDecodeException("Not enough memory to decode this " + format.shortName() + " image", e);
        } finally {
            reader.dispose();
        }
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
