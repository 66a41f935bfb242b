package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/**
 * The pure-Java CPU backend. Floating kernels compute in double precision and round float32 results
 * once, which for +, -, *, / and sqrt gives exactly the correctly rounded float result. Strided and
 * broadcast access goes through precomputed offset tables ({@link #offsets}), which keeps every kernel a
 * flat loop.
 */
public final class CpuBackend implements Backend {
    /** The single instance; the backend holds no state. */
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    private static CpuStorage st(Tensor t) {
        return (CpuStorage) t.storage();
    }

    private static double[] d(Tensor t) {
        return st(t).doubles();
    }

    private static Tensor wrap(double[] data, DType dtype, int[] shape) {
        return Tensor.wrap(CpuStorage.ofComputed(data, dtype), shape);
    }

    @Override
    public Tensor full(double value, DType dtype, int[] shape) {
        int n = Shape.numel(shape);
        switch (dtype) {
            case FLOAT32: {
                float[] f = new float[n];
                Arrays.fill(f, (float) value);
                return Tensor.wrap(CpuStorage.ofFloats(f), shape);
            }
            case INT64: {
                long[] l = new long[n];
                Arrays.fill(l, (long) value);
                return Tensor.wrap(CpuStorage.ofLongs(l), shape);
            }
            case BOOL: {
                boolean[] b = new boolean[n];
                Arrays.fill(b, value != 0.0);
                return Tensor.wrap(CpuStorage.ofBooleans(b), shape);
            }
            default: {
                double[] a = new double[n];
                if (value != 0.0) {
                    Arrays.fill(a, value);
                }
                return Tensor.wrap(CpuStorage.ofDoubles(a), shape);
            }
        }
    }

    @Override
    public Tensor fromDoubles(double[] data, DType dtype, int[] shape) {
        return wrap(dtype == DType.FLOAT64 ? data.clone() : data, dtype, shape);
    }

    @Override
    public Tensor fromLongs(long[] data, int[] shape) {
        return Tensor.wrap(CpuStorage.ofLongs(data.clone()), shape);
    }

    @Override
    public Tensor fromBooleans(boolean[] data, int[] shape) {
        return Tensor.wrap(CpuStorage.ofBooleans(data.clone()), shape);
    }

    @Override
    public double[] toDoubles(Tensor x) {
        CpuStorage s = st(x);
        return s.dtype() == DType.FLOAT64 ? s.f64.clone() : s.doubles();
    }

    @Override
    public long[] toLongs(Tensor x) {
        CpuStorage s = st(x);
        return s.dtype() == DType.INT64 ? s.i64.clone() : s.longs();
    }

    @Override
    public Tensor cast(Tensor x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        if (dtype == DType.INT64) {
            return Tensor.wrap(CpuStorage.ofLongs(st(x).longs()), x.shape());
        }
        double[] v = d(x);
        return wrap(x.dtype() == DType.FLOAT64 ? v.clone() : v, dtype, x.shape());
    }

    @Override
    public Tensor unary(UnaryKernel kernel, Tensor x, double a, double b) {
        double[] in = d(x);
        double[] out = new double[in.length];
        kernel.apply(in, out, in.length, a, b);
        return wrap(out, x.dtype(), x.shape());
    }

    @Override
    public Tensor binary(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape) {
        return wrap(binaryRaw(kernel, x, y, outShape), x.dtype(), outShape);
    }

    @Override
    public Tensor compare(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape) {
        return wrap(binaryRaw(kernel, x, y, outShape), DType.BOOL, outShape);
    }

    private static double[] binaryRaw(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape) {
        double[] xs = d(x);
        double[] ys = d(y);
        int n = Shape.numel(outShape);
        double[] out = new double[n];
        if (xs.length == n && ys.length == n) {
            kernel.same(xs, ys, out, n);
        } else if (ys.length == 1 && xs.length == n) {
            double c = ys[0];
            for (int i = 0; i < n; i++) {
                out[i] = kernel.apply(xs[i], c);
            }
        } else if (xs.length == 1 && ys.length == n) {
            double c = xs[0];
            for (int i = 0; i < n; i++) {
                out[i] = kernel.apply(c, ys[i]);
            }
        } else if (xs.length == n && isTrailing(y.shape(), outShape)) {
            kernel.trailing(xs, ys, out, n, ys.length);
        } else {
            int[] ox = offsets(outShape, broadcastStrides(x.shape(), outShape), 0);
            int[] oy = offsets(outShape, broadcastStrides(y.shape(), outShape), 0);
            for (int i = 0; i < n; i++) {
                out[i] = kernel.apply(xs[ox[i]], ys[oy[i]]);
            }
        }
        return out;
    }

    /** Whether {@code shape}, without leading 1s, equals the trailing dims of {@code outShape}. */
    private static boolean isTrailing(int[] shape, int[] outShape) {
        int start = 0;
        while (start < shape.length && shape[start] == 1) {
            start++;
        }
        int len = shape.length - start;
        if (len > outShape.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (shape[start + i] != outShape[outShape.length - len + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Tensor where(Tensor cond, Tensor x, Tensor y, int[] outShape) {
        boolean[] c = st(cond).bool;
        double[] xs = d(x);
        double[] ys = d(y);
        int n = Shape.numel(outShape);
        int[] oc = offsets(outShape, broadcastStrides(cond.shape(), outShape), 0);
        int[] ox = offsets(outShape, broadcastStrides(x.shape(), outShape), 0);
        int[] oy = offsets(outShape, broadcastStrides(y.shape(), outShape), 0);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[oc[i]] ? xs[ox[i]] : ys[oy[i]];
        }
        return wrap(out, x.dtype(), outShape);
    }

    @Override
    public Tensor reduce(ReduceKernel kernel, Tensor x, int[] dims) {
        int[] shape = x.shape();
        int[] outShape = Shape.reduced(shape, dims, true);
        double[] xs = d(x);
        int n = xs.length;
        int m = Shape.numel(outShape);
        int[] outStrides = Shape.contiguousStrides(outShape);
        for (int dim : dims) {
            outStrides[dim] = 0;
        }
        if (kernel == ReduceKernel.ARGMAX) {
            return argmax(xs, shape, outShape, outStrides, dims[0]);
        }
        double[] out = new double[m];
        if (kernel != ReduceKernel.SUM) {
            Arrays.fill(out, kernel == ReduceKernel.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (m == 1 && kernel == ReduceKernel.SUM) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += xs[i];
            }
            out[0] = s;
        } else if (kernel == ReduceKernel.SUM && m > 0 && leadingDims(dims)) {
            // summing over leading dims (bias gradients: [rows, features] -> [1, features]) is a sum of
            // rows; element i still goes into out[i % m] in increasing i, as through the offset table,
            // without building a table as large as the input
            for (int base = 0; base < n; base += m) {
                for (int j = 0; j < m; j++) {
                    out[j] += xs[base + j];
                }
            }
        } else {
            int[] off = offsets(shape, outStrides, 0);
            switch (kernel) {
                case SUM -> {
                    for (int i = 0; i < n; i++) {
                        out[off[i]] += xs[i];
                    }
                }
                case MAX -> {
                    for (int i = 0; i < n; i++) {
                        double v = xs[i];
                        if (v > out[off[i]] || Double.isNaN(v)) {
                            out[off[i]] = v;
                        }
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        double v = xs[i];
                        if (v < out[off[i]] || Double.isNaN(v)) {
                            out[off[i]] = v;
                        }
                    }
                }
            }
        }
        return wrap(out, x.dtype(), outShape);
    }

    /** Whether {@code dims} are exactly {@code 0, 1, ..., dims.length - 1} in some order. */
    private static boolean leadingDims(int[] dims) {
        long seen = 0;
        for (int dim : dims) {
            if (dim < 0 || dim >= dims.length || dim >= 64) {
                return false;
            }
            seen |= 1L << dim;
        }
        return Long.bitCount(seen) == dims.length;
    }

    private static Tensor argmax(double[] xs, int[] shape, int[] outShape, int[] outStrides, int dim) {
        int m = Shape.numel(outShape);
        double[] best = new double[m];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        long[] arg = new long[m];
        boolean[] seen = new boolean[m];
        int[] off = offsets(shape, outStrides, 0);
        int inner = Shape.contiguousStrides(shape)[dim];
        int size = shape[dim];
        for (int i = 0; i < xs.length; i++) {
            int o = off[i];
            double v = xs[i];
            if (!seen[o] || v > best[o] || (Double.isNaN(v) && !Double.isNaN(best[o]))) {
                seen[o] = true;
                best[o] = v;
                arg[o] = (i / inner) % size;
            }
        }
        return Tensor.wrap(CpuStorage.ofLongs(arg), outShape);
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int batch = as[0];
        int m = transposeA ? as[2] : as[1];
        int k = transposeA ? as[1] : as[2];
        int n = transposeB ? bs[1] : bs[2];
        boolean broadcastB = bs[0] == 1 && batch != 1;
        int[] outShape = {batch, m, n};
        if (a.dtype() == DType.FLOAT32) {
            float[] out = new float[batch * m * n];
            CpuMatmul.batched(st(a).f32, st(b).f32, out, batch, m, k, n, transposeA, transposeB, broadcastB);
            return Tensor.wrap(CpuStorage.ofFloats(out), outShape);
        }
        double[] out = new double[batch * m * n];
        CpuMatmul.batched(d(a), d(b), out, batch, m, k, n, transposeA, transposeB, broadcastB);
        return Tensor.wrap(CpuStorage.ofDoubles(out), outShape);
    }

    @Override
    public Tensor gatherStrided(Tensor x, int[] outShape, int[] strides, int offset) {
        double[] xs = d(x);
        int rank = outShape.length;
        if (rank > 0 && (strides[rank - 1] == 0 || strides[rank - 1] == 1)) {
            // expand of a bias or a scalar, or a slice of whole rows: copy or fill a row at a time
            // instead of building a per-element offset table
            return wrap(gatherRows(xs, outShape, strides, offset), x.dtype(), outShape);
        }
        int[] off = offsets(outShape, strides, offset);
        double[] out = new double[off.length];
        for (int i = 0; i < off.length; i++) {
            out[i] = xs[off[i]];
        }
        return wrap(out, x.dtype(), outShape);
    }

    /** {@link #gatherStrided} for an innermost stride of 0 (fill) or 1 (copy), row by row. */
    private static double[] gatherRows(double[] xs, int[] outShape, int[] strides, int offset) {
        int rank = outShape.length;
        int inner = outShape[rank - 1];
        double[] out = new double[Shape.numel(outShape)];
        if (inner == 0 || out.length == 0) {
            return out;
        }
        int[] rowStarts = offsets(Arrays.copyOf(outShape, rank - 1), Arrays.copyOf(strides, rank - 1), offset);
        boolean fill = strides[rank - 1] == 0;
        for (int r = 0; r < rowStarts.length; r++) {
            if (fill) {
                Arrays.fill(out, r * inner, (r + 1) * inner, xs[rowStarts[r]]);
            } else {
                System.arraycopy(xs, rowStarts[r], out, r * inner, inner);
            }
        }
        return out;
    }

    @Override
    public Tensor scatterStrided(Tensor src, int[] resultShape, int[] strides, int offset, double fill) {
        double[] ss = d(src);
        double[] out = new double[Shape.numel(resultShape)];
        int[] off = offsets(src.shape(), strides, offset);
        if (fill == 0.0) {
            for (int i = 0; i < off.length; i++) {
                out[off[i]] += ss[i];
            }
        } else {
            // positions that receive elements must not start from the fill (it may be -inf)
            boolean[] touched = new boolean[out.length];
            for (int i = 0; i < off.length; i++) {
                int o = off[i];
                out[o] = touched[o] ? out[o] + ss[i] : ss[i];
                touched[o] = true;
            }
            for (int i = 0; i < out.length; i++) {
                if (!touched[i]) {
                    out[i] = fill;
                }
            }
        }
        return wrap(out, src.dtype(), resultShape);
    }

    @Override
    public Tensor gather(Tensor x, int dim, Tensor index) {
        double[] xs = d(x);
        long[] idx = st(index).longs();
        int[] xStrides = Shape.contiguousStrides(x.shape());
        int step = xStrides[dim];
        xStrides[dim] = 0;
        int[] off = offsets(index.shape(), xStrides, 0);
        int size = x.shape()[dim];
        double[] out = new double[off.length];
        for (int i = 0; i < off.length; i++) {
            out[i] = xs[off[i] + checkIndex("gather", idx[i], size, dim) * step];
        }
        return wrap(out, x.dtype(), index.shape());
    }

    @Override
    public Tensor scatterAdd(int[] shape, int dim, Tensor index, Tensor src) {
        double[] ss = d(src);
        long[] idx = st(index).longs();
        int[] strides = Shape.contiguousStrides(shape);
        int step = strides[dim];
        strides[dim] = 0;
        int[] off = offsets(index.shape(), strides, 0);
        double[] out = new double[Shape.numel(shape)];
        for (int i = 0; i < off.length; i++) {
            out[off[i] + checkIndex("scatterAdd", idx[i], shape[dim], dim) * step] += ss[i];
        }
        return wrap(out, src.dtype(), shape);
    }

    private static int checkIndex(String op, long index, int size, int dim) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of bounds for dim " + dim
                    + " with size " + size);
        }
        return (int) index;
    }

    @Override
    public Tensor cumsum(Tensor x, int dim, boolean reverse) {
        int[] shape = x.shape();
        double[] xs = d(x);
        double[] out = new double[xs.length];
        int size = shape.length == 0 ? 1 : shape[dim];
        int inner = shape.length == 0 ? 1 : Shape.contiguousStrides(shape)[dim];
        int outer = size * inner == 0 ? 0 : xs.length / (size * inner);
        for (int o = 0; o < outer; o++) {
            int base = o * size * inner;
            for (int i = 0; i < inner; i++) {
                double s = 0;
                for (int t = 0; t < size; t++) {
                    int j = base + (reverse ? size - 1 - t : t) * inner + i;
                    s += xs[j];
                    out[j] = s;
                }
            }
        }
        return wrap(out, x.dtype(), shape);
    }

    /**
     * Strides that read an operand of {@code shape} broadcast to {@code outShape}: the operand's own
     * contiguous strides, right-aligned, with 0 wherever it has size 1 or no dim.
     */
    public static int[] broadcastStrides(int[] shape, int[] outShape) {
        int[] own = Shape.contiguousStrides(shape);
        int[] s = new int[outShape.length];
        int shift = outShape.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            s[i + shift] = shape[i] == 1 ? 0 : own[i];
        }
        return s;
    }

    /** Flat offsets {@code base + sum_k idx_k * strides[k]} of every index of {@code shape}, in row-major order. */
    public static int[] offsets(int[] shape, int[] strides, int base) {
        int n = Shape.numel(shape);
        int[] off = new int[n];
        int rank = shape.length;
        if (n == 0) {
            return off;
        }
        if (rank == 0) {
            off[0] = base;
            return off;
        }
        int inner = shape[rank - 1];
        int innerStride = strides[rank - 1];
        int[] idx = new int[rank];
        int pos = base;
        int j = 0;
        while (true) {
            for (int t = 0; t < inner; t++) {
                off[j++] = pos + t * innerStride;
            }
            int dd = rank - 2;
            while (dd >= 0) {
                idx[dd]++;
                pos += strides[dd];
                if (idx[dd] < shape[dd]) {
                    break;
                }
                pos -= strides[dd] * shape[dd];
                idx[dd] = 0;
                dd--;
            }
            if (dd < 0) {
                return off;
            }
        }
    }
}
