package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
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

    private static float[][] luma(BufferedImage image) {
        PdqAlgorithm.LumaSource source = ImageLuma.of(image);
        float[][] rows = new float[source.height()][source.width()];
        for (int y = 0; y < source.height(); y++) {
            source.readRow(y, rows[y]);
        }
        return rows;
    }
}
