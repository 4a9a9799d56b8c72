package nl.vangnet.pdq;

/**
 * The eight rotations and mirror images of a picture (the dihedral group of the square).
 *
 * <p>Re-uploads are often rotated or mirrored to dodge matching. PDQ can produce the hashes of
 * all eight variants from one pass over the pixels, by permuting and negating DCT coefficients,
 * so a platform can check all of them for the cost of one decode. Names follow Meta's reference
 * implementation and the {@code images/dih/} test vectors.
 */
public enum Dihedral {
    /** The image as decoded. */
    ORIGINAL,
    /** Rotated a quarter turn counter-clockwise. */
    ROTATE_90,
    /** Rotated a half turn. */
    ROTATE_180,
    /** Rotated a quarter turn clockwise. */
    ROTATE_270,
    /** Mirrored top to bottom (reflected in the horizontal axis). */
    FLIP_X,
    /** Mirrored left to right (reflected in the vertical axis). */
    FLIP_Y,
    /** Reflected in the main diagonal (transposed: top-left stays, top-right goes bottom-left). */
    FLIP_PLUS_1,
    /** Reflected in the anti-diagonal (top-left goes to bottom-right). */
    FLIP_MINUS_1
}
