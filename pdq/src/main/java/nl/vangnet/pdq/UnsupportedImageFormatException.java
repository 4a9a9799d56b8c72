package nl.vangnet.pdq;

/**
 * The data is not in a format this build can decode: not an image at all, or an image format
 * such as WebP, HEIC or TIFF that the JDK's ImageIO has no reader for.
 */
public final class UnsupportedImageFormatException extends PdqDecodeException {

    private static final long serialVersionUID = 1L;

    private final String format;

    public UnsupportedImageFormatException(String format, String message) {
        super(message);
        this.format = format;
    }

    /** Short name of the detected format (such as {@code "webp"}), or {@code "unknown"}. */
    public String format() {
        return format;
    }
}
