package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/** The PDQ hasher over JDK ImageIO decoding; stateless apart from its options. */
final class ImageIoPdqHasher implements PdqHasher {

    private final DecodeOptions options;
    private final ImageDecoder decoder;

    ImageIoPdqHasher(DecodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = new ImageDecoder(options);
    }

    @Override
    public PdqResult hash(BufferedImage image) {
        return PdqAlgorithm.hash(ImageLuma.of(Objects.requireNonNull(image, "image")));
    }

    @Override
    public PdqResult hash(byte[] encodedImage) throws PdqDecodeException {
        return hash(decoder.decode(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqResult hash(InputStream encodedImage) throws IOException {
        return hash(decoder.decode(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqResult hash(Path file) throws IOException {
        return hash(decoder.decode(Objects.requireNonNull(file, "file")));
    }

    @Override
    public PdqDihedralResult hashDihedral(BufferedImage image) {
        return PdqAlgorithm.dihedral(ImageLuma.of(Objects.requireNonNull(image, "image")));
    }

    @Override
    public PdqDihedralResult hashDihedral(byte[] encodedImage) throws PdqDecodeException {
        return hashDihedral(decoder.decode(Objects.requireNonNull(encodedImage, "encodedImage")));
    }

    @Override
    public PdqDihedralResult hashDihedral(Path file) throws IOException {
        return hashDihedral(decoder.decode(Objects.requireNonNull(file, "file")));
    }

    @Override
    public DecodeOptions decodeOptions() {
        return options;
    }
}
