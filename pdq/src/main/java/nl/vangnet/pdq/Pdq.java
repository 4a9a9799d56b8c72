package nl.vangnet.pdq;

import java.util.Objects;

/**
 * Entry point of the PDQ library: static factories for the {@link PdqHasher} and the {@link
 * PdqIndex}, in the manner of Guava's {@code Hashing}. The implementations behind the interfaces
 * are package-private so they can change without breaking callers.
 */
public final class Pdq {

    private static final PdqHasher DEFAULT_HASHER = new ImageIoPdqHasher(DecodeOptions.defaults());

    private Pdq() {}

    /** A hasher with {@link DecodeOptions#defaults() default decoding limits}. */
    public static PdqHasher hasher() {
        return DEFAULT_HASHER;
    }

    /** A hasher with the given decoding limits. */
    public static PdqHasher hasher(DecodeOptions options) {
        return new ImageIoPdqHasher(Objects.requireNonNull(options, "options"));
    }

    /** An empty index for exact Hamming-radius search. */
    public static PdqIndex newIndex() {
        return SegmentedPdqIndex.empty();
    }

    /** A builder that loads many entries and builds the index once, for start-up loading. */
    public static PdqIndex.Builder indexBuilder() {
        return new SegmentedPdqIndex.BulkBuilder(1024);
    }

    /** A builder sized for about {@code expectedEntries} entries. */
    public static PdqIndex.Builder indexBuilder(int expectedEntries) {
        if (expectedEntries < 0) {
            throw new IllegalArgumentException("expectedEntries must not be negative, got " + expectedEntries);
        }
        return new SegmentedPdqIndex.BulkBuilder(expectedEntries);
    }
}
