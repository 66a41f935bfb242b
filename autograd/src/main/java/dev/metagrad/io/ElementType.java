package dev.metagrad.io;

import dev.metagrad.autograd.DType;

import java.util.Set;

/**
 * The safetensors element types metagrad reads and writes, with their header names and sizes. All are
 * little-endian; BOOL is one byte per element (0 false, anything else true, as numpy reads it).
 */
enum ElementType {
    F64("F64", DType.FLOAT64, 8),
    I64("I64", DType.INT64, 8),
    F32("F32", DType.FLOAT32, 4),
    BOOL("BOOL", DType.BOOL, 1);

    /**
     * The other dtype names of the format (half precision, small integers, 8-bit floats, ...): a file
     * holding one is a valid safetensors file that metagrad cannot represent, not a corrupt one.
     */
    static final Set<String> OTHER_FORMAT_NAMES = Set.of("F16", "BF16", "I8", "U8", "I16", "U16", "I32", "U32", "U64",
            "F8_E5M2", "F8_E4M3", "F8_E8M0", "F6_E2M3", "F6_E3M2", "F4", "C64");

    private final String headerName;
    private final DType dtype;
    private final int size;

    ElementType(String headerName, DType dtype, int size) {
        this.headerName = headerName;
        this.dtype = dtype;
        this.size = size;
    }

    /** The name in the header's {@code "dtype"} field. */
    String headerName() {
        return headerName;
    }

    /** The metagrad dtype of the loaded tensor. */
    DType dtype() {
        return dtype;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** The element type written for a tensor of {@code dtype}. */
    static ElementType of(DType dtype) {
        for (ElementType t : values()) {
            if (t.dtype == dtype) {
                return t;
            }
        }
        throw new IllegalArgumentException("no safetensors element type for " + dtype);
    }

    /** The element type with header name {@code name}, or null when metagrad cannot load it. */
    static ElementType forHeaderName(String name) {
        for (ElementType t : values()) {
            if (t.headerName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
