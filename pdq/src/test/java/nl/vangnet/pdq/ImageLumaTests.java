package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast raster paths read the same pixels as the general getRGB path. */
class ImageLumaTests {

    private final PdqHasher hasher = Pdq.hasher();
    private final BufferedImage picture = TestImages.synthetic(200, 150, 9);

    @ParameterizedTest(name = "type {0}")
    @ValueSource(
            ints = {
                BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_ARGB_PRE,
                BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_4BYTE_ABGR_PRE
            })
    void everyLosslessImageTypeGivesTheSameLuminance(int type) {
        BufferedImage converted = TestImages.convert(picture, type);

        assertThat(luma(converted)).isEqualTo(luma(picture));
        assertThat(hasher.hash(converted)).isEqualTo(hasher.hash(picture));
    }

    @Test
    void greyImagesUseTheGreyValueAsLuminance() {
        BufferedImage grey = TestImages.convert(picture, BufferedImage.TYPE_BYTE_GRAY);
        float[][] luma = luma(grey);

        int sample = grey.getRaster().getSample(17, 23, 0);
        assertThat(luma[23][17]).isEqualTo((float) sample);
        assertThat(hasher.hash(grey).hash().hammingDistance(hasher.hash(picture).hash()))
                .isLessThanOrEqualTo(12);
    }

    @Test
    void readsSubImagesThroughTheirOffsetIntoTheParentRaster() {
        for (int type :
                new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage parent = TestImages.convert(picture, type);
            BufferedImage sub = parent.getSubimage(30, 20, 120, 90);
            BufferedImage copy = TestImages.convert(sub, type);

            assertThat(luma(sub)).isEqualTo(luma(copy));
        }
    }

    @Test
    void indexedImagesGoThroughTheColourModel() {
        BufferedImage indexed = TestImages.convert(picture, BufferedImage.TYPE_BYTE_INDEXED);
        BufferedImage rgb = TestImages.convert(indexed, BufferedImage.TYPE_INT_RGB);

        assertThat(luma(indexed)).isEqualTo(luma(rgb));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"interleaved RGB", "interleaved RGBA", "banded RGB"})
    void sixteenBitImagesReadNativelyGiveWhatGetRgbGives(String layout) {
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ImageTypeSpecifier type = switch (layout) {
            case "interleaved RGB" ->
                ImageTypeSpecifier.createInterleaved(srgb, new int[] {0, 1, 2}, DataBuffer.TYPE_USHORT, false, false);
            case "interleaved RGBA" ->
                ImageTypeSpecifier.createInterleaved(srgb, new int[] {0, 1, 2, 3}, DataBuffer.TYPE_USHORT, true, false);
            default ->
                ImageTypeSpecifier.createBanded(
                        srgb, new int[] {0, 1, 2}, new int[] {0, 0, 0}, DataBuffer.TYPE_USHORT, false, false);
        };
        // 256 x 256 pixels: every 16-bit value occurs once in each channel.
        BufferedImage image = type.createBufferedImage(256, 256);
        WritableRaster raster = image.getRaster();
        SplittableRandom random = new SplittableRandom(16);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int v = y * 256 + x;
                raster.setSample(x, y, 0, v);
                raster.setSample(x, y, 1, 0xffff - v);
                raster.setSample(x, y, 2, (v * 7919) & 0xffff);
                if (raster.getNumBands() == 4) {
                    raster.setSample(x, y, 3, random.nextInt(1 << 16));
                }
            }
        }

        float[][] luma = luma(image);

        assertThat(ImageLuma.of(image).getClass().getSimpleName())
                .as("the native 16-bit path, not getRGB")
                .isEqualTo("InterleavedRgb16");
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = image.getRGB(x, y);
                float expected = PdqAlgorithm.LUMA_FROM_R * ((rgb >> 16) & 0xff)
                        + PdqAlgorithm.LUMA_FROM_G * ((rgb >> 8) & 0xff)
                        + PdqAlgorithm.LUMA_FROM_B * (rgb & 0xff);
                assertThat(luma[y][x]).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    private static float[][] luma(BufferedImage image) {
        PdqAlgorithm.LumaSource source = ImageLuma.of(image);
        float[][] rows = new float[source.height()][source.width()];
        for (int y = 0; y < source.height(); y++) {
            source.readRow(y, rows[y]);
        }
        return rows;
    }
}
