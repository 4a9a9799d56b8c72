package nl.vangnet.pdq;

import java.util.Objects;

/**
 * A 256-bit PDQ hash: the only thing about an image that ever leaves a victim's device.
 *
 * <p>The value is kept as four {@code long} words instead of a byte or short array so that the
 * Hamming distance, which the matcher computes millions of times per query, is four XORs and four
 * {@link Long#bitCount} calls with no array indirection, and so that the matcher can store hashes
 * flat in a {@code long[]} with the same layout.
 *
 * <p>Bit numbering follows Meta's reference implementations exactly, because hashes are exchanged
 * with other platforms as hex strings: bit {@code k} is DCT coefficient {@code (k / 16, k % 16)}
 * and has the value {@code 2^k} when the 64-character hex string is read as one big-endian
 * number. {@link #word(int) Word 0} therefore holds bits 255..192, the first 16 hex characters.
 */
public final class PdqHash implements Comparable<PdqHash> {

    /** Number of bits in a PDQ hash. */
    public static final int BITS = 256;

    /** Length of the hex form. */
    public static final int HEX_LENGTH = 64;

    private static final PdqHash ZERO = new PdqHash(0, 0, 0, 0);
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private PdqHash(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /**
     * Creates a hash from its four 64-bit words, most significant first (word 0 is the first 16
     * hex characters).
     */
    public static PdqHash fromWords(long w0, long w1, long w2, long w3) {
        if ((w0 | w1 | w2 | w3) == 0) {
            return ZERO;
        }
        return new PdqHash(w0, w1, w2, w3);
    }

    /**
     * Parses the 64-character hex form used by the reference implementations and by
     * hash-sharing programmes. Upper- and lower-case digits are accepted; nothing else is (no
     * whitespace, no {@code 0x} prefix), so that a typo is an error rather than a different hash.
     *
     * @throws IllegalArgumentException if the string is not exactly 64 hex digits
     */
    public static PdqHash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("A PDQ hash is " + HEX_LENGTH + " hex characters, got " + hex.length()
                    + " characters: \"" + abbreviate(hex) + "\"");
        }
        long[] words = new long[4];
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = hex.charAt(i);
            int digit = hexValue(c);
            if (digit < 0) {
                throw new IllegalArgumentException("Invalid character '" + printable(c) + "' at index " + i
                        + " of PDQ hash \"" + abbreviate(hex) + "\": only 0-9 and a-f are allowed");
            }
            words[i >>> 4] = (words[i >>> 4] << 4) | digit;
        }
        return fromWords(words[0], words[1], words[2], words[3]);
    }

    /**
     * Creates a hash from its 32-byte big-endian form (the same byte order as the hex string).
     *
     * @throws IllegalArgumentException if the array is not 32 bytes long
     */
    public static PdqHash fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BITS / 8) {
            throw new IllegalArgumentException("A PDQ hash is 32 bytes, got " + bytes.length);
        }
        long[] words = new long[4];
        for (int i = 0; i < 32; i++) {
            words[i >>> 3] = (words[i >>> 3] << 8) | (bytes[i] & 0xffL);
        }
        return fromWords(words[0], words[1], words[2], words[3]);
    }

    /** The all-zero hash, which the reference produces for images too small to hash. */
    public static PdqHash zero() {
        return ZERO;
    }

    /** The 64-character lower-case hex form, identical to the reference implementations' output. */
    public String toHex() {
        char[] out = new char[HEX_LENGTH];
        writeHex(w0, out, 0);
        writeHex(w1, out, 16);
        writeHex(w2, out, 32);
        writeHex(w3, out, 48);
        return new String(out);
    }

    /** The 32-byte big-endian form, for compact storage (for example a {@code bytea} column). */
    public byte[] toBytes() {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (word(i >>> 3) >>> (56 - 8 * (i & 7)));
        }
        return out;
    }

    /**
     * Word {@code index} (0..3) of the hash, most significant first; word 0 is the first 16 hex
     * characters.
     */
    public long word(int index) {
        return switch (index) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException("word index " + index + " is not in 0..3");
        };
    }

    /**
     * Bit {@code index} (0..255) in the reference numbering: bit {@code k} is set when DCT
     * coefficient {@code (k / 16, k % 16)} is above the median.
     */
    public boolean bit(int index) {
        Objects.checkIndex(index, BITS);
        return ((word(3 - (index >>> 6)) >>> (index & 63)) & 1L) != 0;
    }

    /** Number of set bits; a well-formed hash of a real image has about 128. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Number of bit positions in which the two hashes differ (0..256). */
    public int hammingDistance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** Orders hashes as unsigned 256-bit numbers, the same order as their hex strings. */
    @Override
    public int compareTo(PdqHash other) {
        int c = Long.compareUnsigned(w0, other.w0);
        if (c == 0) {
            c = Long.compareUnsigned(w1, other.w1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w2, other.w2);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w3, other.w3);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash that && w0 == that.w0 && w1 == that.w1 && w2 == that.w2 && w3 == that.w3;
    }

    @Override
    public int hashCode() {
        long h = w0 * 31 + w1;
        h = h * 31 + w2;
        h = h * 31 + w3;
        return Long.hashCode(h);
    }

    /** The hex form. */
    @Override
    public String toString() {
        return toHex();
    }

    private static void writeHex(long word, char[] out, int offset) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX_DIGITS[(int) (word & 0xf)];
            word >>>= 4;
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }
}
