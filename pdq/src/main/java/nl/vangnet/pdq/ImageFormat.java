package nl.vangnet.pdq;

/**
 * Image formats recognised from their first bytes. Detection is by signature, never by file name
 * or declared MIME type, because both come from the uploader.
 */
enum ImageFormat {
    JPEG("jpeg", true),
    PNG("png", true),
    GIF("gif", true),
    BMP("bmp", true),
    WEBP("webp", false),
    TIFF("tiff", false),
    HEIF("heif", false),
    AVIF("avif", false),
    JPEG_XL("jxl", false),
    ICO("ico", false),
    PSD("psd", false),
    UNKNOWN("unknown", false);

    private final String shortName;
    private final boolean builtIn;

    ImageFormat(String shortName, boolean builtIn) {
        this.shortName = shortName;
        this.builtIn = builtIn;
    }

    /** The ImageIO format name, also used in error messages. */
    String shortName() {
        return shortName;
    }

    /** Whether the JDK itself can decode the format. */
    boolean builtIn() {
        return builtIn;
    }

    static ImageFormat detect(byte[] data, int length) {
        if (startsWith(data, length, 0, 0xff, 0xd8, 0xff)) {
            return JPEG;
        }
        if (startsWith(data, length, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return PNG;
        }
        if (startsWith(data, length, 0, 'G', 'I', 'F', '8') && length > 5 && data[5] == 'a') {
            return GIF;
        }
        if (startsWith(data, length, 0, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(data, length, 0, 'R', 'I', 'F', 'F') && startsWith(data, length, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(data, length, 0, 'I', 'I', 0x2a, 0) || startsWith(data, length, 0, 'M', 'M', 0, 0x2a)) {
            return TIFF;
        }
        if (startsWith(data, length, 4, 'f', 't', 'y', 'p')) {
            if (startsWith(data, length, 8, 'a', 'v', 'i', 'f') || startsWith(data, length, 8, 'a', 'v', 'i', 's')) {
                return AVIF;
            }
            return HEIF;
        }
        if (startsWith(data, length, 0, 0xff, 0x0a) || startsWith(data, length, 0, 0, 0, 0, 0x0c, 'J', 'X', 'L', ' ')) {
            return JPEG_XL;
        }
        if (startsWith(data, length, 0, 0, 0, 1, 0)) {
            return ICO;
        }
        if (startsWith(data, length, 0, '8', 'B', 'P', 'S')) {
            return PSD;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] data, int length, int offset, int... signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
