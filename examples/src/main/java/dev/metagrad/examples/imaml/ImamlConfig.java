package dev.metagrad.examples.imaml;

/**
 * The settings of implicit MAML (Rajeswaran et al. 2019).
 *
 * @param innerSteps  K, gradient steps of the inner solver on the proximal objective
 * @param innerLr     the inner solver's step size α
 * @param lambda      λ, the strength of the proximal term {@code (λ/2)‖φ − θ‖²}
 * @param solverSteps iterations of the backward solve {@code (H + λI) u = −ḡ} (truncated, as in the paper)
 * @param solver      the backward solve's method
 */
public record ImamlConfig(int innerSteps, double innerLr, double lambda, int solverSteps, BackwardSolver solver) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for fewer than one inner or CG step, a non-positive or non-finite
     *                                  step size or λ, or no solver
     */
    public ImamlConfig {
        if (solver == null) {
            throw new IllegalArgumentException("ImamlConfig: solver must not be null");
        }
        if (innerSteps < 1) {
            throw new IllegalArgumentException("ImamlConfig: innerSteps must be at least 1, got " + innerSteps);
        }
        if (solverSteps < 1) {
            throw new IllegalArgumentException("ImamlConfig: solverSteps must be at least 1, got " + solverSteps);
        }
        if (!(innerLr > 0) || Double.isInfinite(innerLr)) {
            throw new IllegalArgumentException("ImamlConfig: innerLr must be positive and finite, got " + innerLr);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ImamlConfig: lambda must be positive and finite, got " + lambda);
        }
    }

    /** Settings with the iMAML paper's backward solver, {@link BackwardSolver#CG}. */
    public ImamlConfig(int innerSteps, double innerLr, double lambda, int solverSteps) {
        this(innerSteps, innerLr, lambda, solverSteps, BackwardSolver.CG);
    }
}
