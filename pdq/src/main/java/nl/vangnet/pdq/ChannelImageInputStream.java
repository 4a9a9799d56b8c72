package nl.vangnet.pdq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over a file channel, read through a small buffer, so that decoding a
 * file never holds the whole file in memory: a 16-bit PNG at the pixel limit can be a few hundred
 * megabytes on disk. The length is fixed when the stream is opened (it was checked against the
 * size limit then): bytes a writer appends later are not read.
 *
 * <p>Seeking back is cheap (a position change), which the banded decoder relies on: each band is
 * a fresh read of the image from its start.
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long length;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long bufferStart;
    private int buffered;

    /** The channel stays open when this stream is closed; its owner closes it. */
    ChannelImageInputStream(SeekableByteChannel channel, long length) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        if (!inBuffer(streamPos) && !fill(streamPos)) {
            return -1;
        }
        return buffer.get((int) (streamPos++ - bufferStart)) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return -1;
        }
        int wanted = (int) Math.min(len, length - streamPos);
        if (!inBuffer(streamPos)) {
            if (wanted >= BUFFER_BYTES) {
                // Large reads go straight into the caller's array.
                int n = readAt(streamPos, ByteBuffer.wrap(b, off, wanted));
                if (n > 0) {
                    streamPos += n;
                }
                return n;
            }
            if (!fill(streamPos)) {
                return -1;
            }
        }
        int offset = (int) (streamPos - bufferStart);
        int n = Math.min(wanted, buffered - offset);
        buffer.get(offset, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }

    private boolean inBuffer(long position) {
        return position >= bufferStart && position < bufferStart + buffered;
    }

    private boolean fill(long position) throws IOException {
        buffer.clear();
        buffer.limit((int) Math.min(BUFFER_BYTES, length - position));
        int n = readAt(position, buffer);
        bufferStart = position;
        buffered = Math.max(0, n);
        return n > 0;
    }

    /** Reads at least one byte at {@code position} unless the channel ends there; -1 then. */
    private int readAt(long position, ByteBuffer target) throws IOException {
        channel.position(position);
        int total = 0;
        while (target.hasRemaining()) {
            int n = channel.read(target);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total == 0 ? -1 : total;
    }
}
