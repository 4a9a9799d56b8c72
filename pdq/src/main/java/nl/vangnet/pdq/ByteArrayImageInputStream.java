package nl.vangnet.pdq;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over bytes already in memory. ImageIO's own stream wrappers either copy
 * the data into a second cache or go to a temporary file depending on a global setting; this one
 * reads the bytes in place and never touches the disk.
 *
 * <p>The bytes are one caller's array or, when read from a stream, chunks of 1 MiB: collecting a
 * stream into one array ({@code InputStream.readNBytes}) briefly needs twice its size, which for
 * an input near the size limit would be more than the whole memory bound.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    static final int CHUNK_BYTES = 1 << 20;

    private final byte[][] chunks;
    private final int chunkSize;
    private final long length;

    ByteArrayImageInputStream(byte[] data, int length) {
        Objects.checkFromIndexSize(0, length, data.length);
        this.chunks = new byte[][] {data};
        this.chunkSize = Math.max(1, length);
        this.length = length;
    }

    private ByteArrayImageInputStream(List<byte[]> chunks, long length) {
        this.chunks = chunks.toArray(byte[][]::new);
        this.chunkSize = CHUNK_BYTES;
        this.length = length;
    }

    /**
     * Reads {@code in} to its end, but no more than {@code limit + 1} bytes: a longer stream comes
     * back with {@link #length()} {@code > limit} for the caller to refuse.
     */
    static ByteArrayImageInputStream readFrom(InputStream in, long limit) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (total <= limit) {
            int wanted = (int) Math.min(CHUNK_BYTES, limit + 1 - total);
            byte[] chunk = new byte[wanted];
            int n = in.readNBytes(chunk, 0, wanted);
            if (n > 0) {
                chunks.add(chunk);
                total += n;
            }
            if (n < wanted) {
                break;
            }
        }
        return new ByteArrayImageInputStream(chunks, total);
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        long position = streamPos++;
        return chunks[(int) (position / chunkSize)][(int) (position % chunkSize)] & 0xff;
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
        int chunk = (int) (streamPos / chunkSize);
        int offset = (int) (streamPos % chunkSize);
        int n = (int) Math.min(Math.min(len, length - streamPos), chunkSize - offset);
        System.arraycopy(chunks[chunk], offset, b, off, n);
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
