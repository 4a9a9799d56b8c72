package nl.vangnet.pdq;

import java.io.IOException;

/**
 * An image could not be turned into pixels: it is damaged, truncated, not an image, in a format
 * this build cannot read, or larger than the configured limits.
 *
 * <p>Checked, because hashing runs on files that strangers upload: every caller has to decide what
 * to tell the person or platform that sent a bad file, and must not treat it as a crash. The two
 * subclasses separate the cases a caller usually reports differently: {@link
 * UnsupportedImageFormatException} (ask for another format) and {@link ImageTooLargeException}
 * (ask for a smaller image). The message never contains image content.
 */
public sealed class PdqDecodeException extends IOException
        permits UnsupportedImageFormatException, ImageTooLargeException {

    private static final long serialVersionUID = 1L;

    public PdqDecodeException(String message) {
        super(message);
    }

    public PdqDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
