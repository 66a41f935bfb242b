package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;

/**
 * The memory behind a tensor: a flat, row-major block of {@link #size()} elements of one {@link DType},
 * owned by one {@link Backend}. Storage is never written after the kernel that produced it returns,
 * which is what lets tensors share it freely (reshape, detach).
 */
public interface Storage {
    /** Element type. */
    DType dtype();

    /** Number of elements. */
    int size();

    /** The backend that allocated this storage and runs kernels on it. */
    Backend backend();

    /** Device the memory lives on. */
    default Device device() {
        return backend().device();
    }
}
