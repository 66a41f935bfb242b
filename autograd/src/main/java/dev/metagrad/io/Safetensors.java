package dev.metagrad.io;

import dev.metagrad.autograd.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saves and loads state dicts ({@code Map<String, Tensor>}) in the
 * <a href="https://github.com/huggingface/safetensors">safetensors</a> format, the exchange format of
 * Hugging Face and PyTorch, so weights move between metagrad and {@code safetensors.torch} both ways:
 * <pre>
 * [8 bytes]  N, the header length, unsigned little-endian
 * [N bytes]  UTF-8 JSON: {"name": {"dtype": "F64", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
 *                         "__metadata__": {"key": "value", ...}}   (optional metadata; may end in spaces)
 * [rest]     the data section: each tensor's elements, little-endian and row-major, at [begin, end)
 *            relative to the first byte after the header, covering the section without gaps
 * </pre>
 * float64, float32, int64 and bool tensors are stored as {@code F64}, {@code F32}, {@code I64} and
 * {@code BOOL} (one byte each); values round-trip bit for bit, NaN payloads and {@code -0.0} included.
 *
 * <p><b>Writing.</b> The header lists tensors in the map's order, and loading gives them back in that
 * order. The data section is laid out by element size, largest first (then in map order), as the
 * reference writer does, and the header is padded to a multiple of 8 bytes, so every element is aligned
 * for readers that map the file. A file is written to a temporary sibling and moved into place, so an
 * interrupted save never leaves a half-written file under the target name.
 *
 * <p><b>Reading</b> treats the file as untrusted. The header length, the JSON, every field and every
 * byte range are checked, and the ranges must tile the data section exactly, before any tensor is
 * decoded; any violation is a {@link SafetensorsFormatException} naming the tensor and the problem, and
 * nothing is returned. Readers must not (and this one does not) assume the data is in header order.
 */
public final class Safetensors {
    /** The largest header accepted, as in the reference implementation: 100 MB. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private Safetensors() {
    }

    /** Saves {@code tensors} to {@code path} without metadata; see {@link #save(Map, Map, Path)}. */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /**
     * Saves {@code tensors} (their values; autograd state is not part of the format) and {@code metadata}
     * to {@code path}, replacing any existing file.
     *
     * @throws IllegalArgumentException when a tensor is null or named {@code "__metadata__"}, or metadata
     *                                  holds a null
     * @throws IOException              when the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        SafetensorsHeader header = layout(tensors, metadata);
        Path target = path.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        boolean moved = false;
        try {
            // CREATE_NEW rather than createTempFile: the file keeps the default permissions, not 0600
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(header.encode(), header, tensors, channel);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The bytes of a safetensors file holding {@code tensors}, without metadata. */
    public static byte[] toBytes(Map<String, Tensor> tensors) {
        return toBytes(tensors, Map.of());
    }

    /**
     * The bytes of a safetensors file holding {@code tensors} and {@code metadata}, exactly what
     * {@link #save(Map, Map, Path)} writes.
     *
     * @throws IllegalArgumentException as {@link #save(Map, Map, Path)}, or when the result would not fit
     *                                  in a byte array (save to a file instead)
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        SafetensorsHeader header = layout(tensors, metadata);
        byte[] json = header.encode();
        long dataSize = header.entries().stream().mapToLong(TensorEntry::byteLength).sum();
        long total = 8 + json.length + dataSize;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("toBytes: the file would take " + total
                    + " bytes, more than a byte array holds; save it to a file");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) total);
        try {
            write(json, header, tensors, Channels.newChannel(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads a safetensors file.
     *
     * @throws SafetensorsFormatException when the file breaks the format (see the class documentation)
     * @throws IOException                when it cannot be read
     */
    public static SafetensorsFile load(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path.toString(), ByteSource.of(channel));
        }
    }

    /**
     * Loads safetensors bytes held in memory.
     *
     * @throws SafetensorsFormatException when they break the format
     */
    public static SafetensorsFile load(byte[] bytes) throws SafetensorsFormatException {
        try {
            return read("safetensors bytes", ByteSource.of(bytes));
        } catch (SafetensorsFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    // ----------------------------------------------------------------------------------------------

    /** Assigns byte ranges: entries keep the map order, data goes by element size, largest first. */
    private static SafetensorsHeader layout(Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<String> names = new ArrayList<>(tensors.keySet());
        for (String name : names) {
            if (name == null || tensors.get(name) == null) {
                throw new IllegalArgumentException("save: tensor '" + name + "' is null");
            }
            if (name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("save: \"" + SafetensorsHeader.METADATA_KEY
                        + "\" is reserved for the metadata and cannot name a tensor");
            }
        }
        metadata.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("save: metadata entry " + k + " = " + v + " holds a null");
            }
        });
        List<String> dataOrder = new ArrayList<>(names);
        // stable: equal sizes stay in map order
        dataOrder.sort(Comparator.comparingInt(n -> -ElementType.of(tensors.get(n).dtype()).size()));
        Map<String, TensorEntry> byName = new LinkedHashMap<>();
        long offset = 0;
        for (String name : dataOrder) {
            Tensor t = tensors.get(name);
            ElementType type = ElementType.of(t.dtype());
            long end = offset + (long) t.numel() * type.size();
            byName.put(name, new TensorEntry(name, type, t.shape(), offset, end));
            offset = end;
        }
        List<TensorEntry> entries = new ArrayList<>(names.size());
        for (String name : names) {
            entries.add(byName.get(name));
        }
        return new SafetensorsHeader(List.copyOf(entries), new LinkedHashMap<>(metadata));
    }

    /** Writes the length prefix, the encoded header {@code json} and the data of every tensor in offset order. */
    private static void write(byte[] json, SafetensorsHeader header, Map<String, Tensor> tensors, WritableByteChannel out)
            throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).flip();
        writeFully(out, prefix);
        writeFully(out, ByteBuffer.wrap(json));
        List<TensorEntry> byOffset = new ArrayList<>(header.entries());
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin));
        TensorData data = new TensorData();
        for (TensorEntry e : byOffset) {
            data.write(tensors.get(e.name()), e.type(), out);
        }
    }

    private static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static SafetensorsFile read(String source, ByteSource in) throws IOException {
        long size = in.size();
        if (size < 8) {
            throw new SafetensorsFormatException(source + ": " + size + " bytes is too short for the 8-byte header "
                    + "length; the file is truncated or not safetensors");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        in.readFully(0, prefix);
        long headerLength = prefix.getLong(0);
        // unsigned in the format: a value past 2^63 reads as negative here, and is absurd either way
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new SafetensorsFormatException(source + ": header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the " + MAX_HEADER_BYTES + "-byte limit; the file is corrupt or not safetensors");
        }
        if (8 + headerLength > size) {
            throw new SafetensorsFormatException(source + ": header length " + headerLength + " runs past the end of the "
                    + size + "-byte file; the file is truncated or the length is wrong");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        in.readFully(8, json);
        long dataStart = 8 + headerLength;
        SafetensorsHeader header = SafetensorsHeader.parse(source, json.array(), size - dataStart);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        TensorData data = new TensorData();
        for (TensorEntry e : header.entries()) {
            try {
                tensors.put(e.name(), data.read(e, in, dataStart));
            } catch (SafetensorsFormatException ex) {
                throw new SafetensorsFormatException(source + ": tensor " + e.describe() + ": " + ex.getMessage(), ex);
            }
        }
        return new SafetensorsFile(tensors, header.metadata());
    }
}
