package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.BinaryKernel;
import dev.metagrad.autograd.backend.UnaryKernel;
import dev.metagrad.autograd.engine.Graph;

import java.util.function.Supplier;

/**
 * Activation functions (torch.nn.functional), each with its derivative beside it. Step masks of
 * piecewise functions are constants of the graph, which makes their second derivatives zero as in torch.
 */
public final class Activations {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;

    private Activations() {
    }

    private static Tensor mask(Tensor x, double threshold) {
        return x.backend().unary(UnaryKernel.STEP, x, threshold, 0);
    }

    /**
     * The fused kernel {@code vjp(g, saved)} when the backward is not being recorded (one pass instead of
     * several ops), else {@code recorded}: the same formula in differentiable ops.
     */
    private static Tensor[] derivative(BinaryKernel vjp, Tensor g, Tensor saved, Supplier<Tensor> recorded) {
        if (GradMode.isEnabled()) {
            return new Tensor[] {recorded.get()};
        }
        return new Tensor[] {g.backend().binary(vjp, g, saved, saved.shape())};
    }

    /** tanh x. d/dx = 1 - tanh^2 x = 1 - y^2. */
    public static Tensor tanh(Tensor x) {
        Tensor y = MathFunctions.kernel(UnaryKernel.TANH, x, 0, 0);
        return Graph.record("tanh", y, g -> derivative(BinaryKernel.TANH_BACKWARD, g, y,
                () -> Arithmetic.mul(g, Arithmetic.rsub(1.0, Arithmetic.square(y)))), x);
    }

    /** sigmoid x = 1/(1 + e^-x). d/dx = y (1 - y). */
    public static Tensor sigmoid(Tensor x) {
        Tensor y = MathFunctions.kernel(UnaryKernel.SIGMOID, x, 0, 0);
        return Graph.record("sigmoid", y, g -> derivative(BinaryKernel.SIGMOID_BACKWARD, g, y,
                () -> Arithmetic.mul(g, Arithmetic.mul(y, Arithmetic.rsub(1.0, y)))), x);
    }

    /** max(x, 0). d/dx = 1 where x > 0, else 0. */
    public static Tensor relu(Tensor x) {
        Tensor y = MathFunctions.kernel(UnaryKernel.RELU, x, 0, 0);
        return Graph.record("relu", y, g -> derivative(BinaryKernel.RELU_BACKWARD, g, x,
                () -> Arithmetic.mul(g, mask(x, 0.0))), x);
    }

    /** x if x > 0 else slope x (F.leaky_relu). d/dx = 1 or slope. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        Tensor y = MathFunctions.kernel(UnaryKernel.LEAKY_RELU, x, negativeSlope, 0);
        return Graph.record("leaky_relu", y, g -> {
            Tensor m = mask(x, 0.0);
            Tensor slope = m.backend().unary(UnaryKernel.AFFINE, m, 1.0 - negativeSlope, negativeSlope);
            return new Tensor[] {Arithmetic.mul(g, slope)};
        }, x);
    }

    /** x if x > 0 else alpha (e^x - 1) (F.elu). d/dx = 1 or alpha e^x = y + alpha. */
    public static Tensor elu(Tensor x, double alpha) {
        Tensor y = MathFunctions.kernel(UnaryKernel.ELU, x, alpha, 0);
        return Graph.record("elu", y, g -> {
            Tensor m = mask(x, 0.0);
            Tensor negative = Arithmetic.mul(Arithmetic.add(y, alpha), Arithmetic.rsub(1.0, m));
            return new Tensor[] {Arithmetic.mul(g, Arithmetic.add(negative, m))};
        }, x);
    }

    /** Exact GELU {@code x * Phi(x) = x/2 (1 + erf(x/sqrt 2))}, composed of differentiable ops. */
    public static Tensor gelu(Tensor x) {
        Tensor cdf = Arithmetic.mul(Arithmetic.add(MathFunctions.erf(Arithmetic.mul(x, SQRT_HALF)), 1.0), 0.5);
        return Arithmetic.mul(x, cdf);
    }

    /** GELU with torch's {@code approximate="tanh"}: {@code x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    public static Tensor geluTanh(Tensor x) {
        Tensor inner = Arithmetic.mul(Arithmetic.add(x, Arithmetic.mul(Arithmetic.pow(x, 3.0), 0.044715)), SQRT_2_OVER_PI);
        return Arithmetic.mul(Arithmetic.mul(x, 0.5), Arithmetic.add(tanh(inner), 1.0));
    }

    /** GELU by torch's name for the variant: {@code "none"} (exact) or {@code "tanh"}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return switch (approximate) {
            case "none" -> gelu(x);
            case "tanh" -> geluTanh(x);
            default -> throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
        };
    }

    /**
     * Softplus {@code ln(1 + e^(beta x)) / beta}, linear ({@code x}) where {@code beta x > threshold}
     * (F.softplus). d/dx = sigmoid(beta x), or 1 in the linear region.
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        Checks.argument("softplus", beta != 0 && !Double.isNaN(beta), "beta must be non-zero, got " + beta);
        Tensor y = MathFunctions.kernel(UnaryKernel.SOFTPLUS, x, beta, threshold);
        return Graph.record("softplus", y, g -> {
            Tensor bx = Arithmetic.mul(x, beta);
            Tensor linear = mask(bx.detach(), threshold);
            Tensor slope = Arithmetic.add(Arithmetic.mul(sigmoid(bx), Arithmetic.rsub(1.0, linear)), linear);
            return new Tensor[] {Arithmetic.mul(g, slope)};
        }, x);
    }

    /** Softplus with torch's defaults beta = 1, threshold = 20. */
    public static Tensor softplus(Tensor x) {
        return softplus(x, 1.0, 20.0);
    }
}
