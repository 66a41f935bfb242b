package dev.metagrad.linearsolve;

import java.util.OptionalDouble;

/**
 * Settings of {@link LinearSolve#solveInv} ({@code torchopt.linear_solve.solve_inv(ridge, ns, **ns_kwargs)}).
 *
 * @param ridge   added to the operator: the system solved is {@code (A + ridge I) x = b}; 0 adds nothing
 * @param ns      use the truncated Neumann series instead of materializing A and solving densely
 * @param neumann the series' settings, used when {@code ns} is set
 */
public record InvOptions(double ridge, boolean ns, NeumannOptions neumann) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a non-finite ridge or null Neumann settings
     */
    public InvOptions {
        Checks.finite("InvOptions", "ridge", ridge);
        if (neumann == null) {
            throw new IllegalArgumentException("InvOptions: neumann must not be null; use NeumannOptions.defaults()");
        }
    }

    /** TorchOpt's defaults: no ridge, dense solve (the series would use 10 iterations, no alpha). */
    public static InvOptions defaults() {
        return new InvOptions(0.0, false, NeumannOptions.defaults());
    }

    /** Same settings with another ridge. */
    public InvOptions withRidge(double value) {
        return new InvOptions(value, ns, neumann);
    }

    /** Same settings, solving by Neumann series ({@code true}) or densely ({@code false}). */
    public InvOptions withNs(boolean value) {
        return new InvOptions(ridge, value, neumann);
    }

    /** Same settings with another series iteration count. */
    public InvOptions withMaxIter(int value) {
        return new InvOptions(ridge, ns, neumann.withMaxIter(value));
    }

    /** Same settings with a series step α. */
    public InvOptions withAlpha(double value) {
        return new InvOptions(ridge, ns, neumann.withAlpha(value));
    }

    /** The alpha of the series, if any. */
    public OptionalDouble alpha() {
        return neumann.alpha();
    }
}
