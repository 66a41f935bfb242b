package dev.metagrad.examples.imaml;

/**
 * The settings of implicit MAML (Rajeswaran et al. 2019).
 *
 * @param innerSteps K, gradient steps of the inner solver on the proximal objective
 * @param innerLr    the inner solver's step size α
 * @param lambda     λ, the strength of the proximal term {@code (λ/2)‖φ − θ‖²}
 * @param cgSteps    conjugate-gradient iterations of the backward solve {@code (I + H/λ)} (truncated CG, as in
 *                   the paper)
 */
public record ImamlConfig(int innerSteps, double innerLr, double lambda, int cgSteps) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for fewer than one inner or CG step, or a non-positive or non-finite
     *                                  step size or λ
     */
    public ImamlConfig {
        if (innerSteps < 1) {
            throw new IllegalArgumentException("ImamlConfig: innerSteps must be at least 1, got " + innerSteps);
        }
        if (cgSteps < 1) {
            throw new IllegalArgumentException("ImamlConfig: cgSteps must be at least 1, got " + cgSteps);
        }
        if (!(innerLr > 0) || Double.isInfinite(innerLr)) {
            throw new IllegalArgumentException("ImamlConfig: innerLr must be positive and finite, got " + innerLr);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ImamlConfig: lambda must be positive and finite, got " + lambda);
        }
    }
}
