package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.UnaryKernel;
import dev.metagrad.autograd.engine.Graph;

/** Element-wise mathematical functions, each with its derivative beside it. */
public final class MathFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private MathFunctions() {
    }

    static Tensor kernel(UnaryKernel k, Tensor x, double a, double b) {
        Checks.floating(k.name().toLowerCase(java.util.Locale.ROOT), x);
        return x.backend().unary(k, x, a, b);
    }

    /** e^x. d/dx = e^x = y. */
    public static Tensor exp(Tensor x) {
        Tensor y = kernel(UnaryKernel.EXP, x, 0, 0);
        return Graph.record("exp", y, g -> new Tensor[] {Arithmetic.mul(g, y)}, x);
    }

    /** ln x. d/dx = 1/x. */
    public static Tensor log(Tensor x) {
        Tensor y = kernel(UnaryKernel.LOG, x, 0, 0);
        return Graph.record("log", y, g -> new Tensor[] {Arithmetic.div(g, x)}, x);
    }

    /** ln(1 + x). d/dx = 1/(1 + x). */
    public static Tensor log1p(Tensor x) {
        Tensor y = kernel(UnaryKernel.LOG1P, x, 0, 0);
        return Graph.record("log1p", y, g -> new Tensor[] {Arithmetic.div(g, Arithmetic.add(x, 1.0))}, x);
    }

    /** sqrt(x). d/dx = 1/(2 sqrt x) = 1/(2y). */
    public static Tensor sqrt(Tensor x) {
        Tensor y = kernel(UnaryKernel.SQRT, x, 0, 0);
        return Graph.record("sqrt", y, g -> new Tensor[] {Arithmetic.div(g, Arithmetic.mul(y, 2.0))}, x);
    }

    /** 1/sqrt(x). d/dx = -x^(-3/2)/2 = -y^3/2. */
    public static Tensor rsqrt(Tensor x) {
        Tensor y = kernel(UnaryKernel.RSQRT, x, 0, 0);
        return Graph.record("rsqrt", y, g -> new Tensor[] {Arithmetic.mul(g, Arithmetic.mul(Arithmetic.pow(y, 3.0), -0.5))}, x);
    }

    /** |x|. d/dx = sign(x) (0 at 0, as torch). */
    public static Tensor abs(Tensor x) {
        Tensor y = kernel(UnaryKernel.ABS, x, 0, 0);
        return Graph.record("abs", y, g -> new Tensor[] {Arithmetic.mul(g, x.backend().unary(UnaryKernel.SIGN, x, 0, 0))}, x);
    }

    /** sign(x) in {-1, 0, 1}. The gradient is defined as zero (torch). */
    public static Tensor sign(Tensor x) {
        Tensor y = kernel(UnaryKernel.SIGN, x, 0, 0);
        return Graph.record("sign", y, g -> new Tensor[] {Arithmetic.mul(g, 0.0)}, x);
    }

    /** sin x. d/dx = cos x. */
    public static Tensor sin(Tensor x) {
        Tensor y = kernel(UnaryKernel.SIN, x, 0, 0);
        return Graph.record("sin", y, g -> new Tensor[] {Arithmetic.mul(g, cos(x))}, x);
    }

    /** cos x. d/dx = -sin x. */
    public static Tensor cos(Tensor x) {
        Tensor y = kernel(UnaryKernel.COS, x, 0, 0);
        return Graph.record("cos", y, g -> new Tensor[] {Arithmetic.neg(Arithmetic.mul(g, sin(x)))}, x);
    }

    /** erf x. d/dx = 2/sqrt(pi) e^(-x^2). */
    public static Tensor erf(Tensor x) {
        Tensor y = kernel(UnaryKernel.ERF, x, 0, 0);
        return Graph.record("erf", y, g -> new Tensor[] {
            Arithmetic.mul(g, Arithmetic.mul(exp(Arithmetic.neg(Arithmetic.square(x))), TWO_OVER_SQRT_PI))}, x);
    }
}
