package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PDQ hasher over JDK ImageIO decoding; stateless apart from its options. Encoded images are
 * decoded band by band straight into the streaming downsampler (see {@link ImageDecoder}).
 */
final class ImageIoPdqHasher implements PdqHasher {

    private final DecodeOptions options;
    private final ImageDecoder decoder;

    ImageIoPdqHasher(DecodeOptions options) {
        this(new ImageDecoder(Objects.requireNonNull(options, "options")), options);
    }

    ImageIoPdqHasher(ImageDecoder decoder, DecodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public PdqResult hash(BufferedImage image) {
        return PdqAlgorithm.hash(ImageLuma.of(Objects.requireNonNull(image, "image")));
    }

    @Override
    public PdqResult hash(byte[] encodedImage) throws PdqDecodeException {
        return PdqAlgorithm.hash(decoder.transform(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqResult hash(InputStream encodedImage) throws IOException {
        return PdqAlgorithm.hash(decoder.transform(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqResult hash(Path file) throws IOException {
        return PdqAlgorithm.hash(decoder.transform(Objects.requireNonNull(file, "file")));
    }

    @Override
    public PdqDihedralResult hashDihedral(BufferedImage image) {
        return PdqAlgorithm.dihedral(ImageLuma.of(Objects.requireNonNull(image, "image")));
    }

    @Override
    public PdqDihedralResult hashDihedral(byte[] encodedImage) throws PdqDecodeException {
        return PdqAlgorithm.dihedral(decoder.transform(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqDihedralResult hashDihedral(Path file) throws IOException {
        return PdqAlgorithm.dihedral(decoder.transform(Objects.requireNonNull(file, "file")));
    }

    @Override
    public DecodeOptions decodeOptions() {
        return options;
    }
}
