package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

import java.util.Arrays;
import java.util.List;

/**
 * Selecting and assembling: strided windows, narrow/slice, pad, cat/stack, gather/scatter-add and
 * index_select. Every op here is linear; the strided read and the strided scatter-add are each other's
 * adjoint, and so are gather and scatter-add, which is what makes all of them differentiable to any order.
 */
public final class Indexing {
    private Indexing() {
    }

    /**
     * Reads the strided view {@code out[j] = x[offset + sum_k j_k strides[k]]} of contiguous {@code x}
     * (torch.as_strided). Windows may overlap; the backward scatter-adds, so overlaps accumulate.
     */
    public static Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset) {
        checkView("asStrided", x.shape(), shape, strides, offset);
        int[] from = x.shape();
        Tensor y = x.backend().gatherStrided(x, shape, strides, offset);
        return Graph.record("as_strided", y, g -> new Tensor[] {scatterStrided(g, from, strides, offset, 0.0)}, x);
    }

    /**
     * The adjoint of {@link #asStrided}: a tensor of {@code shape} where each {@code src[j]} is added at
     * {@code offset + sum_k j_k strides[k]}; positions that receive nothing hold {@code fill}.
     */
    public static Tensor scatterStrided(Tensor src, int[] shape, int[] strides, int offset, double fill) {
        checkView("scatterStrided", shape, src.shape(), strides, offset);
        int[] viewShape = src.shape();
        Tensor y = src.backend().scatterStrided(src, shape, strides, offset, fill);
        return Graph.record("scatter_strided", y, g -> new Tensor[] {asStrided(g, viewShape, strides, offset)}, src);
    }

    private static void checkView(String op, int[] base, int[] view, int[] strides, int offset) {
        if (view.length != strides.length) {
            throw new IllegalArgumentException(op + ": view shape " + Shape.str(view) + " and strides "
                    + Arrays.toString(strides) + " differ in length");
        }
        long lo = offset;
        long hi = offset;
        for (int i = 0; i < view.length; i++) {
            if (view[i] == 0) {
                return;
            }
            long span = (long) (view[i] - 1) * strides[i];
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        if (lo < 0 || hi >= Shape.numel(base)) {
            throw new IllegalArgumentException(op + ": view " + Shape.str(view) + " with strides " + Arrays.toString(strides)
                    + " and offset " + offset + " reaches outside a tensor of shape " + Shape.str(base));
        }
    }

    /** Python slicing {@code x[start:end:step]} along dim (start, end non-negative; end clipped to the size). */
    public static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int d = Shape.wrapDim("slice", dim, x.dim());
        int size = x.shape()[d];
        Checks.argument("slice", step > 0, "step must be positive, got " + step);
        Checks.argument("slice", start >= 0 && end >= 0, "start and end must be non-negative, got " + start + " and " + end);
        int s = Math.min(start, size);
        int e = Math.min(end, size);
        int len = e > s ? (e - s + step - 1) / step : 0;
        int[] shape = x.shape();
        int[] strides = x.strides();
        int offset = s * strides[d];
        shape[d] = len;
        strides[d] *= step;
        if (len == size && step == 1) {
            return x;
        }
        return asStrided(x, shape, strides, len == 0 ? 0 : offset);
    }

    /**
     * Elements {@code start .. start+length-1} along dim (torch.narrow).
     *
     * @throws IllegalArgumentException when the range leaves the dim
     */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int d = Shape.wrapDim("narrow", dim, x.dim());
        int size = x.shape()[d];
        if (start < 0 || length < 0 || start + length > size) {
            throw new IllegalArgumentException("narrow: start " + start + " + length " + length + " exceeds dim " + d
                    + " of size " + size + " in " + Shape.str(x.shape()));
        }
        return slice(x, d, start, start + length, 1);
    }

    /**
     * Constant padding (F.pad, mode "constant"): {@code pad = [left_last, right_last, left_2nd_last, ...]}, pairs
     * from the last dim backwards, non-negative.
     */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        if (pad.length % 2 != 0 || pad.length / 2 > x.dim()) {
            throw new IllegalArgumentException("pad: padding " + Arrays.toString(pad) + " must hold a (left, right) pair for"
                    + " each of at most " + x.dim() + " trailing dims of input " + Shape.str(x.shape()));
        }
        int[] shape = x.shape();
        int[] outShape = shape.clone();
        int[] left = new int[shape.length];
        for (int p = 0; p < pad.length / 2; p++) {
            int d = shape.length - 1 - p;
            if (pad[2 * p] < 0 || pad[2 * p + 1] < 0) {
                throw new IllegalArgumentException("pad: negative padding " + Arrays.toString(pad) + " is not supported");
            }
            left[d] = pad[2 * p];
            outShape[d] += pad[2 * p] + pad[2 * p + 1];
        }
        int[] strides = Shape.contiguousStrides(outShape);
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            offset += left[d] * strides[d];
        }
        return scatterStrided(x, outShape, strides, offset, value);
    }

    /**
     * Concatenates along an existing dim (torch.cat); all shapes must agree elsewhere. The gradient of
     * each input is the matching narrow of the output gradient.
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of tensors");
        }
        Tensor first = tensors.get(0);
        int rank = first.dim();
        if (rank == 0) {
            throw new IllegalArgumentException("cat: zero-dimensional tensors cannot be concatenated; use stack");
        }
        int d = Shape.wrapDim("cat", dim, rank);
        int[] outShape = first.shape();
        outShape[d] = 0;
        int[] starts = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            Checks.sameKind("cat", first, t);
            int[] s = t.shape();
            boolean ok = s.length == rank;
            for (int k = 0; ok && k < rank; k++) {
                ok = k == d || s[k] == first.shape()[k];
            }
            if (!ok) {
                throw new IllegalArgumentException("cat: tensor " + i + " has shape " + Shape.str(s) + " but tensor 0 has "
                        + Shape.str(first.shape()) + "; sizes must match except in dim " + d);
            }
            starts[i] = outShape[d];
            outShape[d] += s[d];
        }
        int[] strides = Shape.contiguousStrides(outShape);
        Tensor y = null;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            Tensor part = t.backend().scatterStrided(t, outShape, strides, starts[i] * strides[d], 0.0);
            y = y == null ? part : y.backend().binary(dev.metagrad.autograd.backend.BinaryKernel.ADD, y, part, outShape);
        }
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        return Graph.record("cat", y, g -> {
            Tensor[] gs = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                gs[i] = inputs[i].requiresGrad() ? narrow(g, d, starts[i], inputs[i].shape()[d]) : null;
            }
            return gs;
        }, inputs);
    }

    /** Stacks equal-shaped tensors along a new dim (torch.stack; dim in [-(rank+1), rank]). */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: expected a non-empty list of tensors");
        }
        int[] shape = tensors.get(0).shape();
        int d = Shape.wrapDim("stack", dim, shape.length + 1);
        Tensor[] parts = new Tensor[tensors.size()];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(tensors.get(i).shape(), shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shape.str(tensors.get(i).shape())
                        + " but tensor 0 has " + Shape.str(shape) + "; all must be equal");
            }
            parts[i] = Views.unsqueeze(tensors.get(i), d);
        }
        return cat(List.of(parts), d);
    }

    /**
     * torch.gather: {@code out[i][j][k] = x[index[i][j][k]][j][k]} for dim 0, and so on; index has x's rank
     * and may be smaller than x in the other dims. Backward: scatter-add.
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        Checks.index("gather", "index", index, x);
        int d = Shape.wrapDim("gather", dim, x.dim());
        int[] xs = x.shape();
        int[] is = index.shape();
        if (is.length != xs.length) {
            throw new IllegalArgumentException("gather: index " + Shape.str(is) + " must have the same rank as input "
                    + Shape.str(xs));
        }
        for (int k = 0; k < xs.length; k++) {
            if (k != d && is[k] > xs[k]) {
                throw new IllegalArgumentException("gather: index " + Shape.str(is) + " is larger than input "
                        + Shape.str(xs) + " in dim " + k);
            }
        }
        Tensor y = x.backend().gather(x, d, index);
        return Graph.record("gather", y, g -> new Tensor[] {scatterAdd(xs, d, index, g), null}, x, index);
    }

    /**
     * Zeros of {@code shape} with {@code src} added at the positions {@code index} names along dim
     * (torch.zeros(shape).scatter_add(dim, index, src)); src has index's shape. Backward: gather.
     */
    public static Tensor scatterAdd(int[] shape, int dim, Tensor index, Tensor src) {
        Checks.index("scatterAdd", "index", index, src);
        int d = Shape.wrapDim("scatterAdd", dim, shape.length);
        if (!Arrays.equals(index.shape(), src.shape())) {
            throw new IllegalArgumentException("scatterAdd: index " + Shape.str(index.shape()) + " and src "
                    + Shape.str(src.shape()) + " must have the same shape");
        }
        int[] is = index.shape();
        if (is.length != shape.length) {
            throw new IllegalArgumentException("scatterAdd: index " + Shape.str(is) + " must have the same rank as the result "
                    + Shape.str(shape));
        }
        for (int k = 0; k < shape.length; k++) {
            if (k != d && is[k] > shape[k]) {
                throw new IllegalArgumentException("scatterAdd: index " + Shape.str(is) + " is larger than the result "
                        + Shape.str(shape) + " in dim " + k);
            }
        }
        Tensor y = src.backend().scatterAdd(shape.clone(), d, index, src);
        return Graph.record("scatter_add", y, g -> new Tensor[] {null, gather(g, d, index)}, index, src);
    }

    /**
     * Slices of x along dim at the positions of a 1-D int64 index (torch.index_select); repeated indices
     * accumulate gradient.
     */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        Checks.index("indexSelect", "index", index, x);
        if (index.dim() > 1) {
            throw new IllegalArgumentException("indexSelect: index must be 1-D, got " + Shape.str(index.shape()));
        }
        int d = Shape.wrapDim("indexSelect", dim, x.dim());
        long[] idx = index.toLongArray();
        int size = x.dim() == 0 ? 1 : x.shape()[d];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= size) {
                throw new IndexOutOfBoundsException("indexSelect: index " + idx[i] + " at position " + i
                        + " is out of range for dim " + d + " of size " + size + " in " + Shape.str(x.shape()));
            }
        }
        if (x.dim() == 0) {
            return Views.reshape(x, idx.length == 0 ? new int[] {0} : new int[0]);
        }
        int[] shape = x.shape();
        shape[d] = idx.length;
        int[] viewShape = new int[shape.length];
        Arrays.fill(viewShape, 1);
        viewShape[d] = idx.length;
        Tensor full = Views.expand(Views.reshape(index, viewShape), shape);
        return gather(x, d, full);
    }
}
