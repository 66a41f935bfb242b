package dev.metagrad.linearsolve;

/**
 * A linear solver: finds {@code x} with {@code A x = b} for a matrix-free operator {@code A} (TorchOpt's
 * {@code torchopt.linear_solve.*} return values, which are functions {@code (matvec, b) -> x}).
 */
@FunctionalInterface
public interface LinearSolver {
    /**
     * Solves {@code A x = b}.
     *
     * @param a the operator {@code A}
     * @param b the right-hand side, a tree of tensors
     * @return the solution with how it was reached (iterations, residual, convergence)
     */
    Solution solve(LinearOperator a, Object b);
}
