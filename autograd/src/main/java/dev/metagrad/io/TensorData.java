package dev.metagrad.io;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Tensor elements to and from the little-endian bytes of a safetensors data section, moved through one
 * bounded scratch buffer so that a tensor of any size costs its element array and a megabyte, never a
 * second full-size byte copy.
 */
final class TensorData {
    /** Scratch size: a multiple of every element size, large enough that channel calls are few. */
    static final int CHUNK_BYTES = 1 << 20;

    private final ByteBuffer scratch = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    /** Writes the elements of {@code t} as {@code type}, row-major. */
    void write(Tensor t, ElementType type, WritableByteChannel out) throws IOException {
        switch (type) {
            case F64 -> {
                double[] d = t.toDoubleArray();
                for (int off = 0; off < d.length; ) {
                    int n = Math.min(d.length - off, CHUNK_BYTES / 8);
                    scratch.clear();
                    scratch.asDoubleBuffer().put(d, off, n);
                    flush(out, n * 8);
                    off += n;
                }
            }
            case F32 -> {
                float[] f = t.toFloatArray();
                for (int off = 0; off < f.length; ) {
                    int n = Math.min(f.length - off, CHUNK_BYTES / 4);
                    scratch.clear();
                    scratch.asFloatBuffer().put(f, off, n);
                    flush(out, n * 4);
                    off += n;
                }
            }
            case I64 -> {
                long[] l = t.toLongArray();
                for (int off = 0; off < l.length; ) {
                    int n = Math.min(l.length - off, CHUNK_BYTES / 8);
                    scratch.clear();
                    scratch.asLongBuffer().put(l, off, n);
                    flush(out, n * 8);
                    off += n;
                }
            }
            case BOOL -> {
                double[] b = t.toDoubleArray();
                for (int off = 0; off < b.length; ) {
                    int n = Math.min(b.length - off, CHUNK_BYTES);
                    scratch.clear();
                    for (int i = 0; i < n; i++) {
                        scratch.put(i, b[off + i] != 0 ? (byte) 1 : (byte) 0);
                    }
                    flush(out, n);
                    off += n;
                }
            }
        }
    }

    /** Writes the first {@code bytes} bytes of the scratch buffer. */
    private void flush(WritableByteChannel out, int bytes) throws IOException {
        scratch.position(0).limit(bytes);
        while (scratch.hasRemaining()) {
            out.write(scratch);
        }
    }

    /** Reads the tensor described by {@code e} from a data section starting at {@code dataStart} in {@code in}. */
    Tensor read(TensorEntry e, ByteSource in, long dataStart) throws IOException {
        int numel = e.numel();
        int size = e.type().size();
        int perChunk = CHUNK_BYTES / size;
        long at = dataStart + e.begin();
        switch (e.type()) {
            case F64 -> {
                double[] d = new double[numel];
                for (int off = 0; off < numel; off += perChunk) {
                    int n = fill(in, at + (long) off * size, Math.min(numel - off, perChunk) * size) / size;
                    scratch.asDoubleBuffer().get(d, off, n);
                }
                return Tensor.of(d, DType.FLOAT64, e.shape());
            }
            case F32 -> {
                float[] f = new float[numel];
                for (int off = 0; off < numel; off += perChunk) {
                    int n = fill(in, at + (long) off * size, Math.min(numel - off, perChunk) * size) / size;
                    scratch.asFloatBuffer().get(f, off, n);
                }
                return Tensor.ofFloats(f, e.shape());
            }
            case I64 -> {
                long[] l = new long[numel];
                for (int off = 0; off < numel; off += perChunk) {
                    int n = fill(in, at + (long) off * size, Math.min(numel - off, perChunk) * size) / size;
                    scratch.asLongBuffer().get(l, off, n);
                }
                return Tensor.ofLongs(l, e.shape());
            }
            default -> {
                boolean[] b = new boolean[numel];
                for (int off = 0; off < numel; off += perChunk) {
                    int n = fill(in, at + off, Math.min(numel - off, perChunk));
                    for (int i = 0; i < n; i++) {
                        b[off + i] = scratch.get(i) != 0;
                    }
                }
                return Tensor.ofBooleans(b, e.shape());
            }
        }
    }

    /** Reads {@code bytes} bytes at {@code position} into the start of the scratch buffer; returns {@code bytes}. */
    private int fill(ByteSource in, long position, int bytes) throws IOException {
        scratch.clear().limit(bytes);
        in.readFully(position, scratch);
        scratch.flip();
        return bytes;
    }
}
