package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.BinaryKernel;
import dev.metagrad.autograd.backend.UnaryKernel;
import dev.metagrad.autograd.engine.Graph;

/**
 * Arithmetic with broadcasting: +, -, *, /, negation and powers, each with its derivative beside it.
 * Gradients of broadcast operands are summed back with {@link Broadcast#reduceTo}.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** {@code a + b}. d/da = 1, d/db = 1. */
    public static Tensor add(Tensor a, Tensor b) {
        int[] shape = Checks.broadcast("add", a, b);
        int[] as = a.shape();
        int[] bs = b.shape();
        Tensor y = a.backend().binary(BinaryKernel.ADD, a, b, shape);
        return Graph.record("add", y, g -> new Tensor[] {Broadcast.reduceTo(g, as), Broadcast.reduceTo(g, bs)}, a, b);
    }

    /** {@code a - b}. d/da = 1, d/db = -1. */
    public static Tensor sub(Tensor a, Tensor b) {
        int[] shape = Checks.broadcast("sub", a, b);
        int[] as = a.shape();
        int[] bs = b.shape();
        Tensor y = a.backend().binary(BinaryKernel.SUB, a, b, shape);
        // -g only where b needs it: x - c (a constant c) is common and the negation would be thrown away
        return Graph.record("sub", y, g -> new Tensor[] {Broadcast.reduceTo(g, as),
            b.requiresGrad() ? Broadcast.reduceTo(neg(g), bs) : null}, a, b);
    }

    /** {@code a * b}. d/da = b, d/db = a. */
    public static Tensor mul(Tensor a, Tensor b) {
        int[] shape = Checks.broadcast("mul", a, b);
        Tensor y = a.backend().binary(BinaryKernel.MUL, a, b, shape);
        return Graph.record("mul", y, g -> new Tensor[] {
            a.requiresGrad() ? Broadcast.reduceTo(mul(g, b), a.shape()) : null,
            b.requiresGrad() ? Broadcast.reduceTo(mul(g, a), b.shape()) : null}, a, b);
    }

    /**
     * {@code a / b}, true division: integer operands are promoted to float64 first, as torch promotes them to
     * its default floating type. d/da = 1/b, d/db = -a/b^2.
     */
    public static Tensor div(Tensor a, Tensor b) {
        int[] shape = Checks.broadcast("div", a, b);
        if (!a.dtype().isFloatingPoint()) {
            return div(Casts.to(a, DType.FLOAT64), Casts.to(b, DType.FLOAT64));
        }
        Tensor y = a.backend().binary(BinaryKernel.DIV, a, b, shape);
        return Graph.record("div", y, g -> new Tensor[] {
            a.requiresGrad() ? Broadcast.reduceTo(div(g, b), a.shape()) : null,
            b.requiresGrad() ? Broadcast.reduceTo(neg(div(mul(g, a), square(b))), b.shape()) : null}, a, b);
    }

    /** {@code -x}. */
    public static Tensor neg(Tensor x) {
        Tensor y = x.backend().unary(UnaryKernel.SCALE, x, -1.0, 0);
        return Graph.record("neg", y, g -> new Tensor[] {neg(g)}, x);
    }

    /** {@code x + c}. */
    public static Tensor add(Tensor x, double c) {
        Tensor y = x.backend().unary(UnaryKernel.SHIFT, x, c, 0);
        return Graph.record("add", y, g -> new Tensor[] {g}, x);
    }

    /** {@code x * c}. */
    public static Tensor mul(Tensor x, double c) {
        Tensor y = x.backend().unary(UnaryKernel.SCALE, x, c, 0);
        return Graph.record("mul", y, g -> new Tensor[] {mul(g, c)}, x);
    }

    /** {@code x / c} (true division, as torch rounds it). */
    public static Tensor div(Tensor x, double c) {
        return div(x, Tensor.scalarLike(x, c));
    }

    /** {@code c - x}. */
    public static Tensor rsub(double c, Tensor x) {
        Tensor y = x.backend().unary(UnaryKernel.AFFINE, x, -1.0, c);
        return Graph.record("rsub", y, g -> new Tensor[] {neg(g)}, x);
    }

    /** {@code c / x}. d/dx = -c/x^2 = -y/x. */
    public static Tensor rdiv(double c, Tensor x) {
        Tensor y = x.backend().unary(UnaryKernel.RECIPROCAL_SCALED, x, c, 0);
        return Graph.record("rdiv", y, g -> new Tensor[] {neg(mul(g, div(y, x)))}, x);
    }

    /** {@code x^2}. d/dx = 2x. */
    public static Tensor square(Tensor x) {
        Tensor y = x.backend().unary(UnaryKernel.POW_SCALAR, x, 2.0, 0);
        return Graph.record("square", y, g -> new Tensor[] {mul(g, mul(x, 2.0))}, x);
    }

    /** {@code x^p} (torch.pow with a scalar exponent). d/dx = p x^(p-1); 0 when p = 0. */
    public static Tensor pow(Tensor x, double p) {
        if (p == 2.0) {
            return square(x);
        }
        Tensor y = x.backend().unary(UnaryKernel.POW_SCALAR, x, p, 0);
        return Graph.record("pow", y, g -> new Tensor[] {p == 0.0 ? mul(g, 0.0) : mul(g, mul(pow(x, p - 1), p))}, x);
    }

    /** {@code a^b} with broadcasting. d/da = b a^(b-1), d/db = a^b ln a. */
    public static Tensor pow(Tensor a, Tensor b) {
        int[] shape = Checks.broadcast("pow", a, b);
        Tensor y = a.backend().binary(BinaryKernel.POW, a, b, shape);
        return Graph.record("pow", y, g -> new Tensor[] {
            a.requiresGrad() ? Broadcast.reduceTo(mul(g, mul(b, pow(a, add(b, -1.0)))), a.shape()) : null,
            b.requiresGrad() ? Broadcast.reduceTo(mul(g, mul(y, MathFunctions.log(a))), b.shape()) : null}, a, b);
    }
}
