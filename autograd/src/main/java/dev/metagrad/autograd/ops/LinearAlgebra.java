package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

import java.util.Arrays;

/**
 * Matrix products: torch.matmul in all its forms, F.linear, dot and outer. Everything reduces to one
 * recorded batched product {@code op(A) @ op(B)} whose transposes are kernel flags, so backward passes
 * (and their backward passes) never materialise a transpose.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * torch.matmul: 1-D·1-D is a dot product; a 1-D left operand is a row (the dim is removed after), a 1-D
     * right operand a column; N-D operands are batches of matrices whose batch dims broadcast.
     *
     * @throws IllegalArgumentException when inner sizes differ or batch dims do not broadcast
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        Checks.sameKind("matmul", a, b);
        Checks.floating("matmul", a);
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, got shapes "
                    + Shape.str(a.shape()) + " and " + Shape.str(b.shape()));
        }
        int ka = a.shape()[a.dim() - 1];
        int kb = b.dim() == 1 ? b.shape()[0] : b.shape()[b.dim() - 2];
        if (ka != kb) {
            throw new IllegalArgumentException("matmul: cannot multiply " + Shape.str(a.shape()) + " by "
                    + Shape.str(b.shape()) + ": inner sizes " + ka + " and " + kb + " differ");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return dot(a, b);
        }
        if (a.dim() == 1 && b.dim() == 2) {
            return vecmat(a, b);
        }
        if (a.dim() == 2 && b.dim() == 1) {
            return matvec(a, b);
        }
        if (a.dim() == 1) {
            return Views.squeeze(matmul(Views.unsqueeze(a, 0), b), -2);
        }
        if (b.dim() == 1) {
            return Views.squeeze(matmul(a, Views.unsqueeze(b, 1)), -1);
        }
        int[] as = a.shape();
        int[] bs = b.shape();
        int m = as[as.length - 2];
        int n = bs[bs.length - 1];
        if (b.dim() == 2) {
            // batch dims of a fold into its rows: one [rows, k] @ [k, n] product
            int[] outShape = Arrays.copyOf(as, as.length);
            outShape[outShape.length - 1] = n;
            // explicit row count: a -1 cannot be inferred when ka == 0 (torch multiplies zero-size operands)
            int rows = Shape.numel(Arrays.copyOf(as, as.length - 1));
            Tensor y = product(Views.reshape(a, 1, rows, ka), Views.reshape(b, 1, kb, n), false, false);
            return Views.reshape(y, outShape);
        }
        int[] batchA = Arrays.copyOf(as, as.length - 2);
        int[] batchB = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast("matmul", batchA, batchB);
        int count = Shape.numel(batch);
        Tensor a3 = Views.reshape(Views.expand(a, concat(batch, m, ka)), count, m, ka);
        Tensor b3 = Views.reshape(Views.expand(b, concat(batch, kb, n)), count, kb, n);
        return Views.reshape(product(a3, b3, false, false), concat(batch, m, n));
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = r;
        out[batch.length + 1] = c;
        return out;
    }

    /**
     * The recorded primitive {@code C = op(A) @ op(B)} over {@code [B, ., .]} operands, op = transpose when
     * the flag is set. Backward: dA = G op(B)^T (transposed back when A was), dB = op(A)^T G likewise.
     */
    static Tensor product(Tensor a, Tensor b, boolean ta, boolean tb) {
        Tensor y = a.backend().matmul(a, b, ta, tb);
        return Graph.record("matmul", y, g -> new Tensor[] {
            a.requiresGrad() ? (ta ? product(b, g, tb, true) : product(g, b, false, !tb)) : null,
            b.requiresGrad() ? (tb ? product(g, a, true, ta) : product(a, g, !ta, false)) : null}, a, b);
    }

    /**
     * {@code y = A v} for {@code A [m, k]} and {@code v [k]} (torch.mv), one recorded node. Backward:
     * {@code dA = g vᵀ}, {@code dv = Aᵀ g}, the latter as {@link #vecmat} {@code gᵀ A}. The values and the gradients
     * are bit-for-bit those of the general form {@code squeeze(A @ unsqueeze(v, 1))}, whose three views (and
     * their backward nodes) it saves: every element is still one sum in increasing index order, and
     * {@code dA} is the same {@code [m, 1] x [1, k]} product.
     */
    private static Tensor matvec(Tensor a, Tensor v) {
        int m = a.size(0);
        int k = a.size(1);
        Tensor y = a.backend().matmul(Tensor.wrap(a.storage(), new int[] {1, m, k}),
                Tensor.wrap(v.storage(), new int[] {1, k, 1}), false, false);
        return Graph.record("mv", Tensor.wrap(y.storage(), new int[] {m}), g -> new Tensor[] {
            a.requiresGrad() ? outer3(g, v, m, k) : null,
            v.requiresGrad() ? vecmat(g, a) : null}, a, v);
    }

    /**
     * {@code y = vᵀ B} for {@code v [k]} and {@code B [k, n]}, one recorded node. Backward: {@code dv = B g}
     * ({@link #matvec}), {@code dB = v gᵀ}; bit-for-bit the general form {@code squeeze(unsqueeze(v, 0) @ B)}.
     */
    private static Tensor vecmat(Tensor v, Tensor b) {
        int k = b.size(0);
        int n = b.size(1);
        Tensor y = v.backend().matmul(Tensor.wrap(v.storage(), new int[] {1, 1, k}),
                Tensor.wrap(b.storage(), new int[] {1, k, n}), false, false);
        return Graph.record("vm", Tensor.wrap(y.storage(), new int[] {n}), g -> new Tensor[] {
            v.requiresGrad() ? matvec(b, g) : null,
            b.requiresGrad() ? outer3(v, g, k, n) : null}, v, b);
    }

    /**
     * {@code x yᵀ [r, c]} as the batched product {@code [1, r, 1] x [1, 1, c]} the general matmul's backward
     * computes (each element {@code 0 + x_i y_j}), recorded through views so that it differentiates again.
     */
    private static Tensor outer3(Tensor x, Tensor y, int r, int c) {
        return Views.reshape(product(Views.reshape(x, 1, r, 1), Views.reshape(y, 1, 1, c), false, false), r, c);
    }

    /**
     * {@code x W^T + b} (F.linear): x is {@code [..., in]} (1-D allowed), W {@code [out, in]}, b {@code [out]} or null.
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Checks.sameKind("linear", x, weight);
        Checks.rank("linear", "weight", weight, 2);
        int in = weight.shape()[1];
        int out = weight.shape()[0];
        if (x.dim() == 0 || x.shape()[x.dim() - 1] != in) {
            throw new IllegalArgumentException("linear: input of shape " + Shape.str(x.shape()) + " does not end in "
                    + in + ", the in_features of weight " + Shape.str(weight.shape()));
        }
        int[] outShape = x.shape();
        outShape[outShape.length - 1] = out;
        int rows = Shape.numel(Arrays.copyOf(x.shape(), x.dim() - 1)); // explicit: -1 is ambiguous when in == 0
        Tensor y = Views.reshape(product(Views.reshape(x, 1, rows, in), Views.reshape(weight, 1, out, in), false, true), outShape);
        if (bias == null) {
            return y;
        }
        Checks.sameKind("linear", x, bias);
        if (bias.dim() != 1 || bias.shape()[0] != out) {
            throw new IllegalArgumentException("linear: bias must have shape [" + out + "] to match weight "
                    + Shape.str(weight.shape()) + ", got " + Shape.str(bias.shape()));
        }
        return Arithmetic.add(y, bias);
    }

    /** Inner product of two 1-D tensors of equal length (torch.dot). */
    public static Tensor dot(Tensor x, Tensor y) {
        Checks.sameKind("dot", x, y);
        if (x.dim() != 1 || y.dim() != 1 || x.shape()[0] != y.shape()[0]) {
            throw new IllegalArgumentException("dot: expected two 1-D tensors of equal length, got "
                    + Shape.str(x.shape()) + " and " + Shape.str(y.shape()));
        }
        return Views.reshape(product(Views.reshape(x, 1, 1, -1), Views.reshape(y, 1, -1, 1), false, false));
    }

    /** Outer product {@code x y^T} of two 1-D tensors (torch.outer). */
    public static Tensor outer(Tensor x, Tensor y) {
        Checks.sameKind("outer", x, y);
        if (x.dim() != 1 || y.dim() != 1) {
            throw new IllegalArgumentException("outer: expected two 1-D tensors, got " + Shape.str(x.shape())
                    + " and " + Shape.str(y.shape()));
        }
        return Arithmetic.mul(Views.unsqueeze(x, 1), Views.unsqueeze(y, 0));
    }
}
