package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding in bands (ADR 0022) must give exactly the hashes of decoding the image in one piece:
 * the JDK readers decode a source region by decoding from the top and stopping after it, so the
 * pixels of every band are the pixels of the whole image. Checked here with far smaller bands
 * than production uses, over every reference image and a synthetic image in every layout the
 * readers produce.
 */
class BandedDecodingTests {

    private static final DecodeOptions OPTIONS = DecodeOptions.defaults();

    static Stream<String> referenceImages() throws IOException {
        Path images = TestVectors.image("");
        try (Stream<Path> files = Files.walk(images)) {
            return files
                    .filter(Files::isRegularFile)
                    .map(p -> images.relativize(p).toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceImages")
    void referenceImagesHashTheSameInFourBandsAsInOne(String image) throws IOException {
        byte[] bytes = Files.readAllBytes(TestVectors.image(image));
        Layout layout = layout(bytes);
        // Bands of just under a third of the height: three full bands and a short last one.
        long bandBytes = layout.rowBytes() * Math.max(1, (layout.height() + 2) / 3 - 1);

        assertBandedEqualsWhole(bytes, layout, bandBytes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "png 8-bit RGB",
                "png 8-bit RGBA",
                "png 16-bit RGBA",
                "png 16-bit RGB interlaced",
                "png 16-bit grey",
                "png palette",
                "gif",
                "bmp",
                "jpeg baseline",
                "jpeg progressive"
            })
    void everyDecodedLayoutHashesTheSameInBandsOfSevenRows(String kind) throws IOException {
        byte[] bytes = encode(kind, TestImages.synthetic(301, 203, 7));
        Layout layout = layout(bytes);

        assertBandedEqualsWhole(bytes, layout, layout.rowBytes() * 7);
    }

    @Test
    void decodesEveryEightBitImageAtThePixelLimitInOneBand() {
        ImageDecoder decoder = new ImageDecoder(OPTIONS);

        // 7000 x 7000 RGB JPEG: 147 MB, under the 200 MB band limit.
        assertThat(decoder.bandRows(7000, 7000, 3, 0)).isEqualTo(7000);
        // 8-bit RGBA PNG or 32-bit BMP at the full 50 megapixels: 200 MB.
        assertThat(decoder.bandRows(10_000, 5000, 4, 0)).isEqualTo(5000);
    }

    @Test
    void decodesASixteenBitRgbaPngAtThePixelLimitInTwoBands() {
        ImageDecoder decoder = new ImageDecoder(OPTIONS);

        int rows = decoder.bandRows(7000, 7000, 8, 0);

        assertThat(bands(7000, rows)).isEqualTo(2);
        assertThat(rows * 7000L * 8).isLessThanOrEqualTo(ImageDecoder.MAX_BAND_BYTES);
    }

    @Test
    void makesBandsSmallerWhenTheEncodedBytesAreOnTheHeap() {
        ImageDecoder decoder = new ImageDecoder(OPTIONS);
        long held = OPTIONS.maxEncodedBytes();

        int rows = decoder.bandRows(7000, 7000, 8, held);

        assertThat(rows).isLessThan(decoder.bandRows(7000, 7000, 8, 0));
        assertThat(held + rows * 7000L * 8).isLessThan(ImageDecoder.MEMORY_BOUND_BYTES);
    }

    private static int bands(int height, int rows) {
        return (height + rows - 1) / rows;
    }

    private static void assertBandedEqualsWhole(byte[] bytes, Layout layout, long bandBytes) throws IOException {
        ImageDecoder banded = new ImageDecoder(OPTIONS, bandBytes);
        int rows = banded.bandRows(layout.width(), layout.height(), layout.bytesPerPixel(), bytes.length);
        PdqDihedralResult whole = Pdq.hasher().hashDihedral(bytes);

        PdqDihedralResult inBands = new ImageIoPdqHasher(banded, OPTIONS).hashDihedral(bytes);

        assertThat(rows).as("rows per band").isLessThan(layout.height() / 2);
        assertThat(inBands).isEqualTo(whole);
    }

    /** Size and native raster layout of an encoded image, as the decoder sees them. */
    private record Layout(int width, int height, long bytesPerPixel) {
        long rowBytes() {
            return width * bytesPerPixel;
        }
    }

    private static Layout layout(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                ImageTypeSpecifier type = reader.getImageTypes(0).next();
                return new Layout(
                        reader.getWidth(0), reader.getHeight(0), ImageDecoder.bytesPerPixel(type.getSampleModel(1, 1)));
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] encode(String kind, BufferedImage picture) throws IOException {
        return switch (kind) {
            case "png 8-bit RGB" -> TestImages.encode(picture, "png");
            case "png 8-bit RGBA" ->
                TestImages.encode(TestImages.convert(picture, BufferedImage.TYPE_4BYTE_ABGR), "png");
            case "png 16-bit RGBA" -> TestImages.encode(sixteenBit(picture, true), "png");
            case "png 16-bit RGB interlaced" -> write(sixteenBit(picture, false), "png", true);
            case "png 16-bit grey" ->
                TestImages.encode(TestImages.convert(picture, BufferedImage.TYPE_USHORT_GRAY), "png");
            case "png palette" ->
                TestImages.encode(TestImages.convert(picture, BufferedImage.TYPE_BYTE_INDEXED), "png");
            case "gif" -> TestImages.encode(picture, "gif");
            case "bmp" -> TestImages.encode(picture, "bmp");
            case "jpeg baseline" -> TestImages.encode(picture, "jpeg");
            case "jpeg progressive" -> write(picture, "jpeg", true);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The picture with each 8-bit sample v stored as the 16-bit v * 257 + a little detail. */
    private static BufferedImage sixteenBit(BufferedImage picture, boolean alpha) {
        int[] bands = alpha ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
        BufferedImage image = ImageTypeSpecifier.createInterleaved(
                        ColorSpace.getInstance(ColorSpace.CS_sRGB), bands, DataBuffer.TYPE_USHORT, alpha, false)
                .createBufferedImage(picture.getWidth(), picture.getHeight());
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                raster.setSample(x, y, 0, ((rgb >> 16) & 0xff) * 257 - (x & 0x7f));
                raster.setSample(x, y, 1, ((rgb >> 8) & 0xff) * 257 - (y & 0x7f));
                raster.setSample(x, y, 2, (rgb & 0xff) * 257);
                if (alpha) {
                    raster.setSample(x, y, 3, 0xffff - x * 100);
                }
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
