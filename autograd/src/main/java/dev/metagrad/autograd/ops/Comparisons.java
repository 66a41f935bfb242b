package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.BinaryKernel;
import dev.metagrad.autograd.backend.UnaryKernel;
import dev.metagrad.autograd.engine.Graph;

/** Clamping, element-wise selection and comparisons. Comparisons return bool tensors and are not differentiable. */
public final class Comparisons {
    private Comparisons() {
    }

    /**
     * Clamps into [min, max] (torch.clamp); a null bound is absent. d/dx = 1 where min <= x <= max, else 0.
     *
     * @throws IllegalArgumentException when both bounds are null
     */
    public static Tensor clamp(Tensor x, Double min, Double max) {
        Checks.argument("clamp", min != null || max != null, "at least one of min and max must be given");
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        Tensor y = MathFunctions.kernel(UnaryKernel.CLAMP, x, lo, hi);
        return Graph.record("clamp", y, g -> new Tensor[] {
            Arithmetic.mul(g, x.backend().unary(UnaryKernel.INSIDE, x, lo, hi))}, x);
    }

    /** Element-wise maximum (torch.maximum); the gradient goes to the larger operand, split evenly on ties. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return select("maximum", BinaryKernel.MAXIMUM, BinaryKernel.GT, a, b);
    }

    /** Element-wise minimum (torch.minimum); the gradient goes to the smaller operand, split evenly on ties. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return select("minimum", BinaryKernel.MINIMUM, BinaryKernel.LT, a, b);
    }

    private static Tensor select(String op, BinaryKernel kernel, BinaryKernel wins, Tensor a, Tensor b) {
        int[] shape = Checks.broadcast(op, a, b);
        Tensor y = a.backend().binary(kernel, a, b, shape);
        return Graph.record(op, y, g -> {
            Tensor win = a.backend().binary(wins, a, b, shape);
            Tensor tie = a.backend().binary(BinaryKernel.EQ, a, b, shape);
            Tensor toA = win.backend().binary(BinaryKernel.ADD, win, tie.backend().unary(UnaryKernel.SCALE, tie, 0.5, 0), shape);
            Tensor toB = toA.backend().unary(UnaryKernel.AFFINE, toA, -1.0, 1.0);
            return new Tensor[] {
                Broadcast.reduceTo(Arithmetic.mul(g, toA), a.shape()),
                Broadcast.reduceTo(Arithmetic.mul(g, toB), b.shape())};
        }, a, b);
    }

    /**
     * {@code cond ? x : y} element-wise with broadcasting of all three (torch.where). {@code cond} is bool and
     * never differentiable; the gradient goes to the selected operand.
     */
    public static Tensor where(Tensor cond, Tensor x, Tensor y) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where: condition must be a bool tensor, got " + cond.dtype() + " "
                    + Shape.str(cond.shape()));
        }
        int[] xy = Checks.broadcast("where", x, y);
        int[] shape = Shape.broadcast("where", cond.shape(), xy);
        Tensor out = x.backend().where(cond, x, y, shape);
        return Graph.record("where", out, g -> {
            Tensor zero = Tensor.scalarLike(g, 0.0);
            return new Tensor[] {null,
                x.requiresGrad() ? Broadcast.reduceTo(where(cond, g, zero), x.shape()) : null,
                y.requiresGrad() ? Broadcast.reduceTo(where(cond, zero, g), y.shape()) : null};
        }, cond, x, y);
    }

    private static Tensor compare(String op, BinaryKernel kernel, Tensor a, Tensor b) {
        int[] shape = Checks.broadcast(op, a, b);
        return a.backend().compare(kernel, a, b, shape);
    }

    /** {@code a > b} as bool. */
    public static Tensor gt(Tensor a, Tensor b) {
        return compare("gt", BinaryKernel.GT, a, b);
    }

    /** {@code a >= b} as bool. */
    public static Tensor ge(Tensor a, Tensor b) {
        return compare("ge", BinaryKernel.GE, a, b);
    }

    /** {@code a < b} as bool. */
    public static Tensor lt(Tensor a, Tensor b) {
        return compare("lt", BinaryKernel.LT, a, b);
    }

    /** {@code a <= b} as bool. */
    public static Tensor le(Tensor a, Tensor b) {
        return compare("le", BinaryKernel.LE, a, b);
    }

    /** {@code a == b} as bool. */
    public static Tensor eq(Tensor a, Tensor b) {
        return compare("eq", BinaryKernel.EQ, a, b);
    }

    /** {@code a != b} as bool. */
    public static Tensor ne(Tensor a, Tensor b) {
        return compare("ne", BinaryKernel.NE, a, b);
    }
}
