package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.BinaryKernel;
import dev.metagrad.autograd.backend.ReduceKernel;
import dev.metagrad.autograd.engine.Graph;

/**
 * Reductions over dims with torch's {@code dim}/{@code keepdim} conventions (a null dim list means all
 * dims and a 0-dim result), plus cumulative sums.
 */
public final class Reductions {
    private Reductions() {
    }

    /** The sorted, wrapped dims; null or an empty list means every dim (torch reduces all for {@code dim=[]}). */
    private static int[] dimsOrAll(String op, Tensor x, int[] dims) {
        if (dims == null || dims.length == 0) {
            int[] all = new int[x.dim()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return Shape.wrapDims(op, dims, x.dim());
    }

    /** Sum of all elements, a 0-dim tensor. */
    public static Tensor sum(Tensor x) {
        return sum(x, null, false);
    }

    /**
     * Sum over {@code dims} (null: all). Backward: the gradient broadcast back over the reduced dims.
     */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        Checks.floating("sum", x);
        int[] d = dimsOrAll("sum", x, dims);
        int[] shape = x.shape();
        int[] kept = Shape.reduced(shape, d, true);
        Tensor y = x.backend().reduce(ReduceKernel.SUM, x, d);
        Tensor out = keepdim ? y : Tensor.wrap(y.storage(), Shape.reduced(shape, d, false));
        return Graph.record("sum", out, g -> new Tensor[] {Views.expand(Views.reshape(g, kept), shape)}, x);
    }

    /** Mean of all elements. */
    public static Tensor mean(Tensor x) {
        return mean(x, null, false);
    }

    /** Mean over {@code dims} (null: all): sum divided by the number of reduced elements. */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        int[] d = dimsOrAll("mean", x, dims);
        return Arithmetic.div(sum(x, d, keepdim), count(x, d));
    }

    private static double count(Tensor x, int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= x.shape()[d];
        }
        return n;
    }

    /**
     * Variance over {@code dims} (null: all): {@code sum (x - mean)^2 / (n - 1)} when unbiased, else {@code / n}.
     */
    public static Tensor var(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        int[] d = dimsOrAll("var", x, dims);
        Tensor centered = Arithmetic.sub(x, mean(x, d, true));
        double n = count(x, d);
        return Arithmetic.div(sum(Arithmetic.square(centered), d, keepdim), unbiased ? n - 1 : n);
    }

    /**
     * Largest value over {@code dims} (torch.amax; null: all). The gradient is split evenly among tied
     * maxima, as in torch.
     */
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return extreme("amax", ReduceKernel.MAX, x, dims, keepdim);
    }

    /** Smallest value over {@code dims} (torch.amin; null: all). */
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return extreme("amin", ReduceKernel.MIN, x, dims, keepdim);
    }

    private static Tensor extreme(String op, ReduceKernel kernel, Tensor x, int[] dims, boolean keepdim) {
        Checks.floating(op, x);
        int[] d = dimsOrAll(op, x, dims);
        for (int dim : d) {
            if (x.shape()[dim] == 0) {
                throw new IllegalArgumentException(op + ": cannot reduce over dim " + dim + " of size 0 in "
                        + Shape.str(x.shape()));
            }
        }
        int[] shape = x.shape();
        int[] kept = Shape.reduced(shape, d, true);
        Tensor y = x.backend().reduce(kernel, x, d);
        Tensor out = keepdim ? y : Tensor.wrap(y.storage(), Shape.reduced(shape, d, false));
        return Graph.record(op, out, g -> {
            Tensor hit = x.backend().binary(BinaryKernel.EQ, x, y, shape);
            Tensor ties = hit.backend().reduce(ReduceKernel.SUM, hit, d);
            Tensor share = hit.backend().binary(BinaryKernel.DIV, hit, ties, shape);
            return new Tensor[] {Arithmetic.mul(Views.expand(Views.reshape(g, kept), shape), share)};
        }, x);
    }

    /** Values and int64 indices of the maxima along one dim ({@code torch.max(x, dim, keepdim)}). */
    public record MaxResult(Tensor values, Tensor indices) {
    }

    /**
     * Maximum along {@code dim} with its index (the first, on ties). The values are a gather at the
     * indices, so the gradient goes to the selected element only.
     */
    public static MaxResult max(Tensor x, int dim, boolean keepdim) {
        Checks.floating("max", x);
        int d = Shape.wrapDim("max", dim, x.dim());
        if (x.dim() > 0 && x.shape()[d] == 0) {
            throw new IllegalArgumentException("max: cannot reduce over dim " + d + " of size 0 in " + Shape.str(x.shape()));
        }
        if (x.dim() == 0) {
            return new MaxResult(x, Tensor.zeros(DType.INT64));
        }
        Tensor idx = x.backend().reduce(ReduceKernel.ARGMAX, x, new int[] {d});
        Tensor values = Indexing.gather(x, d, idx);
        if (!keepdim) {
            values = Views.squeeze(values, d);
            idx = Views.squeeze(idx, d);
        }
        return new MaxResult(values, idx);
    }

    /**
     * {@code log sum exp(x)} over {@code dims}, computed as {@code m + log sum exp(x - m)} with the (detached)
     * maximum m; its derivative is softmax.
     */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        int[] d = dimsOrAll("logsumexp", x, dims);
        Tensor m = amax(x.detach(), d, true);
        // an all -inf (or +inf) slice would give inf - inf; shift by 0 there, as torch does
        double[] mv = m.toDoubleArray();
        boolean infinite = false;
        for (int i = 0; i < mv.length; i++) {
            if (Double.isInfinite(mv[i])) {
                mv[i] = 0;
                infinite = true;
            }
        }
        if (infinite) {
            m = Tensor.of(mv, m.dtype(), m.shape());
        }
        Tensor y = Arithmetic.add(MathFunctions.log(sum(MathFunctions.exp(Arithmetic.sub(x, m)), d, true)), m);
        return keepdim ? y : Views.reshape(y, Shape.reduced(x.shape(), d, false));
    }

    /**
     * p-norm over all elements (torch.norm(x, p)): {@code (sum |x|^p)^(1/p)}; p = 1 as {@code sum |x|},
     * p = infinity as {@code max |x|}. For finite p > 1 the derivative is
     * {@code sign(x) |x|^(p-1) / norm^(p-1)}, taken as 0 at the zero vector (torch's subgradient there, where
     * the composed formula would give 0/0).
     */
    public static Tensor norm(Tensor x, double p) {
        Checks.argument("norm", p > 0 && !Double.isNaN(p), "p must be positive, got " + p);
        Checks.floating("norm", x);
        if (p == 1) {
            return sum(MathFunctions.abs(x));
        }
        if (Double.isInfinite(p)) {
            return amax(MathFunctions.abs(x), null, false);
        }
        Tensor y;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            y = p == 2 ? MathFunctions.sqrt(sum(Arithmetic.square(x)))
                    : Arithmetic.pow(sum(Arithmetic.pow(MathFunctions.abs(x), p)), 1.0 / p);
        }
        Tensor out = Tensor.wrap(y.storage(), y.shape());
        return Graph.record("norm", out, g -> {
            if (out.item() == 0.0) {
                return new Tensor[] {Arithmetic.mul(Arithmetic.mul(x, 0.0), g)};
            }
            Tensor direction = p == 2 ? Arithmetic.div(x, out)
                    : Arithmetic.mul(MathFunctions.sign(x),
                            Arithmetic.pow(Arithmetic.div(MathFunctions.abs(x), out), p - 1));
            return new Tensor[] {Arithmetic.mul(direction, g)};
        }, x);
    }

    /** Inclusive cumulative sum along {@code dim} (torch.cumsum). Backward: the reversed cumulative sum. */
    public static Tensor cumsum(Tensor x, int dim) {
        Checks.floating("cumsum", x);
        int d = x.dim() == 0 ? Shape.wrapDim("cumsum", dim, 0) : Shape.wrapDim("cumsum", dim, x.dim());
        return cumsum(x, d, false);
    }

    private static Tensor cumsum(Tensor x, int dim, boolean reverse) {
        Tensor y = x.backend().cumsum(x, dim, reverse);
        return Graph.record("cumsum", y, g -> new Tensor[] {cumsum(g, dim, !reverse)}, x);
    }
}
