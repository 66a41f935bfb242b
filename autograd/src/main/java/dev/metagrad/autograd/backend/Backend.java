package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.Tensor;

/**
 * The kernels behind every tensor operation: the only code that touches element memory. Ops and the
 * autograd engine are written against this interface, so a native backend (OpenBLAS on the CPU, CUDA)
 * replaces the pure-Java {@link CpuBackend} without changing either.
 *
 * <p>Contract: inputs are contiguous row-major tensors on this backend's device, already checked by the
 * calling op for dtype and shape agreement; kernels return fresh tensors that do not track gradients.
 * Shapes are {@code int[]} in elements. A backend may compute float32 in double precision and round once.
 */
public interface Backend {
    /** The device this backend's storage lives on. */
    Device device();

    /** A tensor of the given shape filled with {@code value}. */
    Tensor full(double value, DType dtype, int[] shape);

    /** A tensor holding a copy of {@code data} (row-major), converted to {@code dtype}. */
    Tensor fromDoubles(double[] data, DType dtype, int[] shape);

    /** An int64 tensor holding a copy of {@code data}. */
    Tensor fromLongs(long[] data, int[] shape);

    /** A bool tensor holding a copy of {@code data}. */
    Tensor fromBooleans(boolean[] data, int[] shape);

    /** The elements as doubles (a fresh array the caller may keep). */
    double[] toDoubles(Tensor x);

    /** The elements as longs, truncating floating values toward zero. */
    long[] toLongs(Tensor x);

    /** {@code x} converted to another element type. */
    Tensor cast(Tensor x, DType dtype);

    /** Element-wise map with scalar parameters {@code a}, {@code b}. */
    Tensor unary(UnaryKernel kernel, Tensor x, double a, double b);

    /** Element-wise function of two operands broadcast to {@code outShape}. */
    Tensor binary(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape);

    /** A comparison kernel ({@link BinaryKernel#GT} etc.) as a bool tensor of shape {@code outShape}. */
    Tensor compare(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape);

    /** {@code cond ? x : y} element-wise, all three broadcast to {@code outShape}; {@code cond} is bool. */
    Tensor where(Tensor cond, Tensor x, Tensor y, int[] outShape);

    /**
     * Reduces the sorted dims {@code dims}, keeping them as size 1. {@link ReduceKernel#ARGMAX} takes a
     * single dim and returns int64.
     */
    Tensor reduce(ReduceKernel kernel, Tensor x, int[] dims);

    /**
     * Batched matrix product {@code op(a) @ op(b)} where {@code a} is {@code [B, M, K]} ({@code [B, K, M]} when
     * {@code transposeA}) and {@code b} is {@code [B', K, N]} ({@code [B', N, K]} when {@code transposeB}) with
     * {@code B'} equal to {@code B} or 1 (then broadcast). Result {@code [B, M, N]}.
     */
    Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

    /**
     * Reads a strided view: {@code out[j] = x[offset + sum_k idx_k(j) * strides[k]]} over {@code outShape}.
     * Strides may be 0 (broadcast) and views may overlap.
     */
    Tensor gatherStrided(Tensor x, int[] outShape, int[] strides, int offset);

    /**
     * The adjoint of {@link #gatherStrided}: a tensor of {@code resultShape} in which every {@code src[j]} is
     * added at {@code offset + sum_k idx_k(j) * strides[k]} ({@code idx} over src's shape); positions that
     * receive no element hold {@code fill} (padding).
     */
    Tensor scatterStrided(Tensor src, int[] resultShape, int[] strides, int offset, double fill);

    /** {@code out[i] = x[i with coordinate dim replaced by index[i]]}; out has index's shape. */
    Tensor gather(Tensor x, int dim, Tensor index);

    /** Zeros of {@code shape} with {@code src[i]} added at {@code i with coordinate dim replaced by index[i]}. */
    Tensor scatterAdd(int[] shape, int dim, Tensor index, Tensor src);

    /** Inclusive prefix sums along {@code dim}, from the end when {@code reverse}. */
    Tensor cumsum(Tensor x, int dim, boolean reverse);
}
