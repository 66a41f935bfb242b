package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;

import java.util.Arrays;

/**
 * Zero-order differentiation ({@code torchopt.diff.zero_order.zero_order}): turns a scalar function of
 * tensors into one whose output, when back-propagated, gives each differentiated argument j the
 * Monte-Carlo estimate
 * <pre>
 *   naive:       (1/N) Σ_k γ · f(θ + σu_k) / σ · u_{k,j}
 *   forward:     (1/N) Σ_k γ · (f(θ + σu_k) − f(θ)) / σ · u_{k,j}
 *   antithetic:  (1/N) Σ_k γ · (f(θ + σu_k) − f(θ − σu_k)) · (0.5/σ) · u_{k,j}
 * </pre>
 * with u_k drawn from the distribution (one sample perturbs all differentiated arguments together) and
 * γ the incoming gradient. f is never differentiated itself, so it may be any black box. The output
 * composes with ordinary ops:
 * <pre>{@code
 * TensorFunction loss = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.ANTITHETIC, new int[] {0}, 16, 0.1)
 *         .withGenerator(new Generator(42))
 *         .apply(in -> blackBox(in[0], in[1]));
 * Tensor g = Autograd.grad(loss.apply(theta, data).mul(2), theta)[0];
 * }</pre>
 * Instances are immutable apart from the shared generator, which each backward advances; a wrapped
 * function must not be back-propagated from several threads at once.
 */
public final class ZeroOrder {
    private final Samplable distribution;
    private final Method method;
    private final int[] argnums;
    private final int numSamples;
    private final double sigma;
    private final Generator generator;
    private final int threads;

    private ZeroOrder(Samplable distribution, Method method, int[] argnums, int numSamples, double sigma,
                      Generator generator, int threads) {
        this.distribution = distribution;
        this.method = method;
        this.argnums = argnums;
        this.numSamples = numSamples;
        this.sigma = sigma;
        this.generator = generator;
        this.threads = threads;
    }

    /**
     * A zero-order differentiator with a generator seeded 0 and sequential evaluation.
     *
     * @param distribution where the noise u comes from
     * @param method       the estimator (see the class formulas)
     * @param argnums      indices of the arguments to differentiate, distinct and non-negative; checked
     *                     against the argument count at each call
     * @param numSamples   N ≥ 1
     * @param sigma        σ &gt; 0, finite
     * @throws IllegalArgumentException on a null distribution or method, or a bad argnums, N or σ
     */
    public static ZeroOrder zeroOrder(Samplable distribution, Method method, int[] argnums, int numSamples,
                                      double sigma) {
        if (distribution == null) {
            throw new IllegalArgumentException("zeroOrder: distribution must not be null");
        }
        if (method == null) {
            throw new IllegalArgumentException("zeroOrder: method must not be null (NAIVE, FORWARD or ANTITHETIC)");
        }
        if (argnums == null || argnums.length == 0) {
            throw new IllegalArgumentException("zeroOrder: argnums must name at least one argument");
        }
        for (int i = 0; i < argnums.length; i++) {
            if (argnums[i] < 0) {
                throw new IllegalArgumentException("zeroOrder: argnums[" + i + "] = " + argnums[i] + " is negative");
            }
            for (int j = 0; j < i; j++) {
                if (argnums[j] == argnums[i]) {
                    throw new IllegalArgumentException("zeroOrder: argnums repeats argument " + argnums[i]);
                }
            }
        }
        if (numSamples < 1) {
            throw new IllegalArgumentException("zeroOrder: numSamples must be at least 1, got " + numSamples);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("zeroOrder: sigma must be positive and finite, got " + sigma);
        }
        return new ZeroOrder(distribution, method, argnums.clone(), numSamples, sigma, new Generator(0), 1);
    }

    /** The same differentiator drawing its noise from {@code rng} (shared, not copied: each backward advances it). */
    public ZeroOrder withGenerator(Generator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("withGenerator: rng must not be null");
        }
        return new ZeroOrder(distribution, method, argnums, numSamples, sigma, rng, threads);
    }

    /**
     * The same differentiator evaluating the N perturbed functions on up to {@code threads} threads. The
     * noise is still drawn on the calling thread and the sum taken in sample order, so results are
     * bit-identical to sequential evaluation; f must then be safe to call concurrently.
     */
    public ZeroOrder withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("withThreads: threads must be at least 1, got " + threads);
        }
        return new ZeroOrder(distribution, method, argnums, numSamples, sigma, generator, threads);
    }

    /**
     * Wraps f. The result evaluates f (without recording) and records one graph node whose backward
     * returns γ times the estimate for each argument in argnums that requires grad.
     *
     * @param f a function returning a one-element tensor
     * @throws IllegalArgumentException at call time when argnums is out of range or f's output is not a scalar
     */
    public TensorFunction apply(TensorFunction f) {
        if (f == null) {
            throw new IllegalArgumentException("zeroOrder: function must not be null");
        }
        ZeroOrderNode node = new ZeroOrderNode(this, f);
        return node::apply;
    }

    /** The estimator. */
    public Method method() {
        return method;
    }

    /** The differentiated argument indices (a copy). */
    public int[] argnums() {
        return argnums.clone();
    }

    /** N, the number of noise samples per estimate. */
    public int numSamples() {
        return numSamples;
    }

    /** σ, the perturbation scale. */
    public double sigma() {
        return sigma;
    }

    /** The noise distribution. */
    public Samplable distribution() {
        return distribution;
    }

    /** The generator the noise is drawn from. */
    public Generator generator() {
        return generator;
    }

    /** The number of threads evaluating perturbed functions. */
    public int threads() {
        return threads;
    }

    void checkArgnums(Tensor[] inputs) {
        for (int i = 0; i < argnums.length; i++) {
            if (argnums[i] >= inputs.length) {
                throw new IllegalArgumentException("zeroOrder: argnums[" + i + "] = " + argnums[i]
                        + " is out of range for a function called with " + inputs.length + " argument(s)");
            }
            if (inputs[argnums[i]] == null) {
                throw new IllegalArgumentException("zeroOrder: differentiated argument " + argnums[i] + " is null");
            }
        }
    }

    /** Checks that a draw has the requested shape. */
    static void checkDraw(Tensor u, int[] shape) {
        if (u == null || !Arrays.equals(u.shape(), shape)) {
            throw new IllegalStateException("zeroOrder: the distribution returned "
                    + (u == null ? "null" : "shape " + Arrays.toString(u.shape())) + " for a sample of shape "
                    + Arrays.toString(shape));
        }
    }
}
