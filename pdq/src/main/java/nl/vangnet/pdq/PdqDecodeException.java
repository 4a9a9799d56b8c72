package nl.vangnet.pdq;

import java.io.IOException;

/**
 * An image could not be turned into pixels: it is damaged, truncated, not an image, in a format
 * this build cannot read, larger than the configured limits, or too large for the memory the JVM
 * has left.
 *
 * <p>Checked, because hashing runs on files that strangers upload: every caller has to decide what
 * to tell the person or platform that sent a bad file, and must not treat it as a crash. The three
 * subclasses separate the cases a caller usually reports differently: {@link
 * UnsupportedImageFormatException} (ask for another format), {@link ImageTooLargeException}
 * (ask for a smaller image), and {@link NotEnoughMemoryException}, which is about this JVM rather
 * than the file (try again later or with more heap). The message never contains image content.
 */
public sealed class PdqDecodeException extends IOException
        permits UnsupportedImageFormatException, ImageTooLargeException, NotEnoughMemoryException {

    private static final long serialVersionUID = 1L;

    public PdqDecodeException(String message) {
        super(message);
    }

    public PdqDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
