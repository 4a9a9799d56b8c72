package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of every supported format and refusal of everything else, as typed exceptions. */
class ImageDecodingTests {

    private final PdqHasher hasher = Pdq.hasher();
    private final BufferedImage picture = TestImages.synthetic(320, 240, 1);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "bmp"})
    void losslessFormatsHashLikeThePixelsTheyHold(String format) throws IOException {
        PdqResult fromPixels = hasher.hash(picture);

        PdqResult decoded = hasher.hash(TestImages.encode(picture, format));

        assertThat(decoded).isEqualTo(fromPixels);
        assertThat(decoded.quality()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "gif"})
    void lossyFormatsHashCloseToThePixelsTheyCameFrom(String format) throws IOException {
        PdqResult fromPixels = hasher.hash(picture);

        PdqResult decoded = hasher.hash(TestImages.encode(picture, format));

        assertThat(decoded.hash().hammingDistance(fromPixels.hash())).isLessThanOrEqualTo(16);
    }

    @Test
    void readsFilesAndStreamsLikeByteArrays() throws IOException {
        Path file = TestVectors.image("wee.jpg");
        byte[] bytes = Files.readAllBytes(file);

        PdqResult fromBytes = hasher.hash(bytes);

        assertThat(hasher.hash(file)).isEqualTo(fromBytes);
        assertThat(hasher.hash(new ByteArrayInputStream(bytes))).isEqualTo(fromBytes);
        assertThat(hasher.hashDihedral(bytes).original()).isEqualTo(fromBytes);
        assertThat(hasher.hashDihedral(file).original()).isEqualTo(fromBytes);
    }

    @Test
    void readsStreamsAndFilesLongerThanTheirBuffersLikeByteArrays(@TempDir Path dir) throws IOException {
        // Noise does not compress: about 3 MB of PNG, so several 1 MiB chunks and 64 KiB buffers.
        BufferedImage noise = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = TestImages.encode(noise, "png");
        Path file = Files.write(dir.resolve("noise.png"), png);
        PdqResult fromPixels = hasher.hash(noise);

        assertThat(png.length).isGreaterThan(2 * ByteArrayImageInputStream.CHUNK_BYTES);
        assertThat(hasher.hash(png)).isEqualTo(fromPixels);
        assertThat(hasher.hash(new ByteArrayInputStream(png))).isEqualTo(fromPixels);
        assertThat(hasher.hash(file)).isEqualTo(fromPixels);
    }

    @Test
    void refusesImagesWiderThanTheWidthLimitFromTheHeader() {
        byte[] wide = TestImages.pngClaiming(ImageDecoder.MAX_WIDTH + 1, 10);

        assertThatThrownBy(() -> hasher.hash(wide))
                .isInstanceOfSatisfying(
                        ImageTooLargeException.class, e -> assertThat(e.width()).isEqualTo(ImageDecoder.MAX_WIDTH + 1))
                .hasMessageContaining("wide");
    }

    @Test
    void doesNotDecodeImagesBelowTheHashableSize() throws IOException {
        // 4 x 10,000,000 is under the pixel limit; its hash is zero whatever the pixels, and the
        // file holds almost no data, so only not decoding it gives that result.
        byte[] thin = TestImages.pngClaiming(4, 10_000_000);

        assertThat(hasher.hash(thin)).isEqualTo(new PdqResult(PdqHash.zero(), 0));
        assertThat(hasher.hashDihedral(thin).hashes()).containsOnly(PdqHash.zero());
    }

    @Test
    void reportsAMissingFileAsAnIoErrorNotAsABadImage() {
        assertThatThrownBy(() -> hasher.hash(Path.of("no", "such", "image.jpg")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesDataThatIsNoImage() {
        byte[] text = "hello, this is not an image".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> hasher.hash(text))
                .isInstanceOfSatisfying(
                        UnsupportedImageFormatException.class,
                        e -> assertThat(e.format()).isEqualTo("unknown"))
                .hasMessageContaining("JPEG, PNG, GIF and BMP");
        assertThatThrownBy(() -> hasher.hash(new byte[0])).isInstanceOf(UnsupportedImageFormatException.class);
    }

    @Test
    void refusesWebpWithAClearMessage() {
        byte[] webp = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);

        assertThatThrownBy(() -> hasher.hash(webp))
                .isInstanceOfSatisfying(
                        UnsupportedImageFormatException.class,
                        e -> assertThat(e.format()).isEqualTo("webp"))
                .hasMessageContaining("WebP is not supported by this build");
    }

    @Test
    void refusesFormatsOutsideTheSupportedFour() {
        byte[] tiff = {'I', 'I', 0x2a, 0, 8, 0, 0, 0, 0, 0};
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};

        assertThatThrownBy(() -> hasher.hash(tiff))
                .isInstanceOfSatisfying(
                        UnsupportedImageFormatException.class,
                        e -> assertThat(e.format()).isEqualTo("tiff"));
        assertThatThrownBy(() -> hasher.hash(heic))
                .isInstanceOfSatisfying(
                        UnsupportedImageFormatException.class,
                        e -> assertThat(e.format()).isEqualTo("heif"));
    }

    @Test
    void refusesTruncatedJpegsUnlessCorruptDataIsAccepted() throws IOException {
        byte[] jpeg = Files.readAllBytes(TestVectors.image("dih/bridge-1-original.jpg"));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 6 / 10);

        assertThatThrownBy(() -> hasher.hash(truncated))
                .isExactlyInstanceOf(PdqDecodeException.class)
                .hasMessageContaining("truncated");
        PdqResult lenient =
                Pdq.hasher(DecodeOptions.defaults().withAcceptCorruptData(true)).hash(truncated);
        assertThat(lenient.hash()).isNotEqualTo(hasher.hash(jpeg).hash());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "gif", "bmp"})
    void refusesTruncatedFilesOfOtherFormats(String format) {
        byte[] full = TestImages.encode(picture, format);

        for (int length : new int[] {8, 30, full.length / 3, full.length * 2 / 3}) {
            byte[] truncated = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> hasher.hash(truncated))
                    .as("%s cut to %d of %d bytes", format, length, full.length)
                    .isInstanceOf(PdqDecodeException.class);
        }
    }

    @Test
    void refusesDecompressionBombsFromTheHeaderBeforeDecoding() throws IOException {
        byte[] jpeg = Files.readAllBytes(TestVectors.image("wee.jpg"));
        byte[][] bombs = {
            TestImages.pngClaiming(100_000, 100_000),
            TestImages.gifClaiming(65_535, 65_535),
            TestImages.bmpClaiming(20_000, 20_000, 1),
            TestImages.jpegClaiming(jpeg, 65_000, 65_000)
        };

        for (byte[] bomb : bombs) {
            assertThatThrownBy(() -> hasher.hash(bomb)).isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                assertThat(e.width() * e.height()).isGreaterThan(DecodeOptions.DEFAULT_MAX_PIXELS);
                assertThat(e.getMessage()).contains("more than the limit");
            });
        }
    }

    @Test
    void appliesTheConfiguredPixelLimit() throws IOException {
        byte[] png = TestImages.encode(picture, "png");
        PdqHasher strict = Pdq.hasher(DecodeOptions.defaults().withMaxPixels(320L * 240 - 1));
        PdqHasher exact = Pdq.hasher(DecodeOptions.defaults().withMaxPixels(320L * 240));

        assertThatThrownBy(() -> strict.hash(png)).isInstanceOf(ImageTooLargeException.class);
        assertThat(exact.hash(png).quality()).isEqualTo(100);
    }

    @Test
    void appliesTheConfiguredInputSizeLimit(@TempDir Path dir) throws IOException {
        byte[] png = TestImages.encode(picture, "png");
        Path file = Files.write(dir.resolve("picture.png"), png);
        PdqHasher small = Pdq.hasher(DecodeOptions.defaults().withMaxEncodedBytes(png.length - 1));

        assertThatThrownBy(() -> small.hash(new ByteArrayInputStream(png))).isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> small.hash(file)).isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> small.hash(png)).isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void refusesBmpFilesWrappingAnotherFormat() {
        assertThatThrownBy(() -> hasher.hash(TestImages.bmpClaiming(10, 10, 4)))
                .isInstanceOf(UnsupportedImageFormatException.class)
                .hasMessageContaining("embedded");
    }

    @Test
    void rejectsInvalidOptions() {
        assertThatThrownBy(() -> DecodeOptions.defaults().withMaxPixels(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecodeOptions.defaults().withMaxEncodedBytes(Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
