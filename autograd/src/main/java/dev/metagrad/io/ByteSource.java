package dev.metagrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Random-access bytes to read a safetensors file from: an open file, or an array already in memory.
 * Positional reads leave no shared cursor behind, so the reader can visit tensors in any order.
 */
interface ByteSource {
    /** Total number of bytes. */
    long size() throws IOException;

    /**
     * Fills {@code dst} from its position to its limit with the bytes starting at {@code position}.
     *
     * @throws SafetensorsFormatException when the source ends first (a file shortened while being read)
     */
    void readFully(long position, ByteBuffer dst) throws IOException;

    /** The bytes of an open file. */
    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void readFully(long position, ByteBuffer dst) throws IOException {
                long at = position;
                while (dst.hasRemaining()) {
                    int n = channel.read(dst, at);
                    if (n < 0) {
                        throw new SafetensorsFormatException("the file ended at byte " + at + " while "
                                + dst.remaining() + " more bytes were expected; was it truncated while being read?");
                    }
                    at += n;
                }
            }
        };
    }

    /** The bytes of an array (not copied; it must not change while being read). */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void readFully(long position, ByteBuffer dst) throws IOException {
                if (position < 0 || position + dst.remaining() > bytes.length) {
                    throw new SafetensorsFormatException("bytes [" + position + ", " + (position + dst.remaining())
                            + ") lie past the end of the " + bytes.length + "-byte input");
                }
                dst.put(bytes, (int) position, dst.remaining());
            }
        };
    }
}
