package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/**
 * {@code ln(1 + e^(beta x)) / beta}, linear where {@code beta x > threshold} ({@code torch.nn.Softplus},
 * beta 1 and threshold 20 by default). No parameters.
 */
public final class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** torch's defaults beta 1, threshold 20. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /**
     * The activation with the given sharpness and linear threshold.
     *
     * @throws IllegalArgumentException when beta is zero or NaN
     */
    public Softplus(double beta, double threshold) {
        if (beta == 0 || Double.isNaN(beta)) {
            throw new IllegalArgumentException("Softplus: beta must be non-zero, got " + beta);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    /** Sharpness. */
    public double beta() {
        return beta;
    }

    /** Above {@code beta x > threshold} the function is linear. */
    public double threshold() {
        return threshold;
    }

    /** {@code F.softplus(x, beta, threshold)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.softplus(input, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + Repr.number(beta) + ", threshold=" + Repr.number(threshold);
    }
}
