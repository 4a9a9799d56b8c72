package nl.vangnet.pdq;

/**
 * The image is within the configured limits, but the Java heap could not provide the memory to
 * decode it: the JVM runs with less heap than the decoder needs for one image (see {@code
 * docs/adr/0022-pdq-hostile-input.md} for the bound), or other work in the same JVM holds it.
 *
 * <p>Unlike the other decode failures this says nothing about the file: the same file may hash
 * fine later or elsewhere. The failed allocation has been released when this is thrown, so the
 * hasher and the JVM stay usable and a batch can go on with the next image. Callers can retry
 * with more heap ({@code -Xmx}), fewer images hashed in parallel, or a lower {@link
 * DecodeOptions#maxPixels()}.
 */
public final class NotEnoughMemoryException extends PdqDecodeException {

    private static final long serialVersionUID = 1L;

    public NotEnoughMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
