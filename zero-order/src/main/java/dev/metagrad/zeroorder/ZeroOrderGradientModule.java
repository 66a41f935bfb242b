package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

/**
 * Base class for models trained by zero-order gradients ({@code torchopt.diff.zero_order.nn.ZeroOrderGradientModule}):
 * a subclass gives a scalar {@link #forward} that may be a black box and a noise distribution ({@link #sample}),
 * and {@link #call} returns that output wired into the autograd graph so that back-propagation gives every
 * argument that requires grad the estimate of the configured {@link Method}:
 * <pre>
 *   naive:       (1/N) Σ_k γ · f(θ + σu_k) / σ · u_k
 *   forward:     (1/N) Σ_k γ · (f(θ + σu_k) − f(θ)) / σ · u_k
 *   antithetic:  (1/N) Σ_k γ · (f(θ + σu_k) − f(θ − σu_k)) · (0.5/σ) · u_k
 * </pre>
 * (u_k perturbs all arguments together; arguments not requiring grad get no gradient.)
 */
public abstract class ZeroOrderGradientModule implements Samplable {
    private final Method method;
    private final int numSamples;
    private final double sigma;
    private final Generator generator;

    /**
     * @param method     the estimator
     * @param numSamples N ≥ 1
     * @param sigma      σ &gt; 0, finite
     * @param generator  the noise source, advanced by each backward
     * @throws IllegalArgumentException on bad settings
     */
    protected ZeroOrderGradientModule(Method method, int numSamples, double sigma, Generator generator) {
        // validates method, numSamples and sigma with ZeroOrder's messages
        ZeroOrder.zeroOrder(this, method, new int[] {0}, numSamples, sigma);
        if (generator == null) {
            throw new IllegalArgumentException("ZeroOrderGradientModule: generator must not be null");
        }
        this.method = method;
        this.numSamples = numSamples;
        this.sigma = sigma;
        this.generator = generator;
    }

    /** The same with {@code new Generator(0)}. */
    protected ZeroOrderGradientModule(Method method, int numSamples, double sigma) {
        this(method, numSamples, sigma, new Generator(0));
    }

    /** The function estimated; evaluated without recording, must return a one-element tensor. */
    protected abstract Tensor forward(Tensor... args);

    /** One noise draw of the given shape (see {@link Samplable#sample}). */
    @Override
    public abstract Tensor sample(int[] shape, Generator rng);

    /**
     * Evaluates {@link #forward} and records it as one node with zero-order gradients for all arguments.
     *
     * @throws IllegalArgumentException when called with no arguments or forward's output is not a scalar
     */
    public final Tensor call(Tensor... args) {
        if (args == null || args.length == 0) {
            throw new IllegalArgumentException("ZeroOrderGradientModule.call: needs at least one argument");
        }
        int[] all = new int[args.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return ZeroOrder.zeroOrder(this, method, all, numSamples, sigma).withGenerator(generator)
                .apply(this::forward).apply(args);
    }

    /** The estimator. */
    public final Method method() {
        return method;
    }

    /** N. */
    public final int numSamples() {
        return numSamples;
    }

    /** σ. */
    public final double sigma() {
        return sigma;
    }
}
