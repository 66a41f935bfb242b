package dev.metagrad.implicit;

import dev.metagrad.linearsolve.Solution;

/**
 * Thrown by the backward pass of a {@link RootSolver} built with
 * {@link CustomRootOptions.Builder#requireConvergence(boolean) requireConvergence(true)} when the linear solve
 * {@code (∂F/∂z)ᵀ u = −ḡ} stopped without meeting its tolerance.
 */
public final class LinearSolveNotConvergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Solution solution;

    /** An exception describing {@code solution}. */
    public LinearSolveNotConvergedException(Solution solution) {
        super("customRoot: the linear solve of the implicit gradient did not converge: " + solution.iterations()
                + " iterations, residual norm " + solution.residualNorm() + "; raise the solver's maxIter, loosen its"
                + " tolerance, or pick a better-conditioned solver");
        this.solution = solution;
    }

    /** The solve's result (the truncated solution, its iteration count and residual). */
    public Solution solution() {
        return solution;
    }
}
