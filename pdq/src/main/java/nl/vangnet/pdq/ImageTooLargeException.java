package nl.vangnet.pdq;

/**
 * The image is larger than the configured limits. Raised from the image header, before any pixel
 * memory is allocated, so a decompression bomb costs a few bytes of reading.
 */
public final class ImageTooLargeException extends PdqDecodeException {

    private static final long serialVersionUID = 1L;

    private final long width;
    private final long height;

    public ImageTooLargeException(long width, long height, String message) {
        super(message);
        this.width = width;
        this.height = height;
    }

    /** Width from the header, or -1 when the limit hit was the encoded size. */
    public long width() {
        return width;
    }

    /** Height from the header, or -1 when the limit hit was the encoded size. */
    public long height() {
        return height;
    }
}
