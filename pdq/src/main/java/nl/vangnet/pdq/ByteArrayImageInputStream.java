package nl.vangnet.pdq;

import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over bytes already in memory. ImageIO's own stream wrappers either copy
 * the data into a second cache or go to a temporary file depending on a global setting; this one
 * reads the array in place and never touches the disk.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] data;
    private final int length;

    ByteArrayImageInputStream(byte[] data, int length) {
        Objects.checkFromIndexSize(0, length, data.length);
        this.data = data;
        this.length = length;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        return data[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
