package dev.metagrad.linearsolve;

/**
 * The result of a {@link LinearSolver}: the solution and how it was reached. Iterative solvers that stop at
 * their iteration limit report {@code converged = false} instead of failing silently.
 *
 * @param x            the solution, a tree shaped like {@code b}
 * @param iterations   iterations performed (0 for direct solves)
 * @param residualNorm the Euclidean norm of the final residual {@code b − A x} as the solver knows it (the
 *                     recursively updated residual for CG), NaN where the solver does not track it
 * @param converged    whether the solver's stopping test was met (always true for direct solves)
 */
public record Solution(Object x, int iterations, double residualNorm, boolean converged) {
}
