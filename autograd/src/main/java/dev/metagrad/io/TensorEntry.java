package dev.metagrad.io;

import dev.metagrad.autograd.Shape;

/**
 * One tensor's line of a safetensors header: its name, element type, shape and byte range
 * {@code [begin, end)} in the data section (offsets from the first byte after the header).
 *
 * @param name  the tensor's name
 * @param type  its element type
 * @param shape its shape (not to be modified)
 * @param begin first byte
 * @param end   one past the last byte
 */
record TensorEntry(String name, ElementType type, int[] shape, long begin, long end) {
    /** Number of elements. */
    int numel() {
        return Shape.numel(shape);
    }

    /** Number of data bytes, {@code end - begin}. */
    long byteLength() {
        return end - begin;
    }

    /** {@code 'name' F64 [2, 3] at [0, 48)}, for error messages. */
    String describe() {
        return "'" + name + "' " + type.headerName() + " " + Shape.str(shape) + " at [" + begin + ", " + end + ")";
    }
}
