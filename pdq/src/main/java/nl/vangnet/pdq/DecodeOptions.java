package nl.vangnet.pdq;

/**
 * Limits and policy for turning untrusted bytes into pixels.
 *
 * <p>The pixel limit is what stops decompression bombs: a few kilobytes of PNG or JPEG can
 * declare gigapixels, and the decoder would allocate the raster before noticing anything wrong.
 * The limit is checked against the header before decoding. Pixels are then decoded in bands of
 * at most 200 MB into a streaming filter, so one image within the default limits needs under 400
 * MB of heap (encoded bytes held included; measured peaks at 49 megapixels: 205 MB for a 16-bit
 * RGBA PNG, about 250 MB for a JPEG); see ADR 0024. A heap too small for an image gives {@link
 * NotEnoughMemoryException}. Lower the limit on small machines or when hashing many images in
 * parallel.
 *
 * @param maxPixels largest accepted width times height
 * @param maxEncodedBytes largest accepted input when reading from a stream or file
 * @param acceptCorruptData whether to hash images the decoder could only partly read (a truncated
 *     JPEG decodes with grey filling the missing part); off by default because such a hash
 *     describes the damage as much as the picture
 */
public record DecodeOptions(long maxPixels, long maxEncodedBytes, boolean acceptCorruptData) {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final long DEFAULT_MAX_ENCODED_BYTES = 256L * 1024 * 1024;

    public DecodeOptions {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (maxEncodedBytes < 1 || maxEncodedBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxEncodedBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ", got " + maxEncodedBytes);
        }
    }

    /** 50 megapixels, 256 MiB of encoded data, corrupt data refused. */
    public static DecodeOptions defaults() {
        return new DecodeOptions(DEFAULT_MAX_PIXELS, DEFAULT_MAX_ENCODED_BYTES, false);
    }

    public DecodeOptions withMaxPixels(long pixels) {
        return new DecodeOptions(pixels, maxEncodedBytes, acceptCorruptData);
    }

    public DecodeOptions withMaxEncodedBytes(long bytes) {
        return new DecodeOptions(maxPixels, bytes, acceptCorruptData);
    }

    public DecodeOptions withAcceptCorruptData(boolean accept) {
        return new DecodeOptions(maxPixels, maxEncodedBytes, accept);
    }
}
