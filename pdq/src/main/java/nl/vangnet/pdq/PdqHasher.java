package nl.vangnet.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Computes PDQ hashes of images. Obtain one from {@link Pdq#hasher()}.
 *
 * <p>Implementations are immutable and thread-safe; share one instance. Methods that take encoded
 * bytes decode them with the JDK's ImageIO (JPEG, PNG, GIF, BMP; the first frame of an animation)
 * under the hasher's {@link DecodeOptions}, and report anything that is not a decodable image
 * within those limits as a {@link PdqDecodeException}. The EXIF orientation tag is not applied,
 * as in the reference implementations; use {@link #hashDihedral} to match rotated copies.
 */
public interface PdqHasher {

    /** Hashes decoded pixels. */
    PdqResult hash(BufferedImage image);

    /** Decodes and hashes an encoded image. */
    PdqResult hash(byte[] encodedImage) throws PdqDecodeException;

    /** Decodes and hashes an encoded image read to the end of the stream (not closed). */
    PdqResult hash(InputStream encodedImage) throws IOException;

    /** Decodes and hashes an image file. */
    PdqResult hash(Path file) throws IOException;

    /** Hashes decoded pixels and their seven rotations and mirror images in one pass. */
    PdqDihedralResult hashDihedral(BufferedImage image);

    /** Decodes an encoded image and hashes it and its seven rotations and mirror images. */
    PdqDihedralResult hashDihedral(byte[] encodedImage) throws PdqDecodeException;

    /** Decodes an image file and hashes it and its seven rotations and mirror images. */
    PdqDihedralResult hashDihedral(Path file) throws IOException;

    /** The decoding limits this hasher applies. */
    DecodeOptions decodeOptions();
}
