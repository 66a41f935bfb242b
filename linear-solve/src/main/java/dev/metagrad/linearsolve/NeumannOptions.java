package dev.metagrad.linearsolve;

import java.util.OptionalDouble;

/**
 * Settings of the truncated Neumann series {@link Neumann} ({@code torchopt.linalg.ns(A, b, maxiter, *, alpha)}
 * and {@code ns_inv}).
 *
 * @param maxIter the number of iterations (default 10): {@code ns} sums {@code maxIter + 1} terms,
 *                {@code ns_inv} {@code maxIter} terms
 * @param alpha   the step α of {@code (I − αA)}; empty for α = 1 without the final α scaling (TorchOpt's
 *                {@code alpha=None})
 */
public record NeumannOptions(int maxIter, OptionalDouble alpha) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a negative maxIter (0 is allowed, as in TorchOpt: {@code ns} then
     *                                  returns {@code α b}, {@code ns_inv} the zero matrix) or an alpha that is
     *                                  zero or not finite
     */
    public NeumannOptions {
        Checks.nonNegative("NeumannOptions", "maxIter", maxIter);
        if (alpha == null) {
            throw new IllegalArgumentException("NeumannOptions: alpha must be OptionalDouble.empty() for none, not null");
        }
        if (alpha.isPresent() && (!Double.isFinite(alpha.getAsDouble()) || alpha.getAsDouble() == 0.0)) {
            throw new IllegalArgumentException("NeumannOptions: alpha must be finite and non-zero, got " + alpha.getAsDouble());
        }
    }

    /** TorchOpt's defaults: 10 iterations, no alpha. */
    public static NeumannOptions defaults() {
        return new NeumannOptions(10, OptionalDouble.empty());
    }

    /** Same settings with another iteration count. */
    public NeumannOptions withMaxIter(int value) {
        return new NeumannOptions(value, alpha);
    }

    /** Same settings with a step α. */
    public NeumannOptions withAlpha(double value) {
        return new NeumannOptions(maxIter, OptionalDouble.of(value));
    }
}
