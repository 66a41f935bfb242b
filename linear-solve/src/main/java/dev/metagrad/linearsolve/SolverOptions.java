package dev.metagrad.linearsolve;

import java.util.OptionalInt;

/**
 * Settings shared by the iterative solvers {@link LinearSolve#solveCg}, {@link LinearSolve#solveNormalCg} and
 * {@link LinearSolve#solveBicgstab} (TorchOpt's {@code solve_cg(ridge, init, **cg_kwargs)} keywords, where
 * {@code cg_kwargs} are {@code rtol, atol, maxiter, M}; JAXopt's {@code solve_bicgstab(ridge, init, tol, atol,
 * maxiter, M)}).
 *
 * <p>The solvers stop once {@code ||r||² <= max(rtol² ||b||², atol²)} (r the residual), or after
 * {@code maxIter} iterations.
 *
 * @param ridge          added to the operator: the system solved is {@code (A + ridge I) x = b}; 0 adds nothing
 * @param init           the start point {@code x0}, a tree shaped like {@code b}; null starts at zero
 * @param rtol           relative tolerance on the residual norm (TorchOpt's {@code rtol}, default 1e-5)
 * @param atol           absolute tolerance on the residual norm (default 0)
 * @param maxIter        iteration limit; empty for the default {@code 10 · Σ dims} of {@code b} (see {@link Cg})
 * @param preconditioner the preconditioner {@code M ≈ A⁻¹} of the system the solver iterates on (for
 *                       {@code solveNormalCg}, the normal system {@code AᵀA + ridge I}); null for none
 */
public record SolverOptions(double ridge, Object init, double rtol, double atol, OptionalInt maxIter,
                            LinearOperator preconditioner) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a non-finite ridge, a negative or non-finite tolerance, or a
     *                                  negative iteration limit (0 is allowed: no iteration, the start point is
     *                                  returned)
     */
    public SolverOptions {
        Checks.finite("SolverOptions", "ridge", ridge);
        Checks.tolerance("SolverOptions", "rtol", rtol);
        Checks.tolerance("SolverOptions", "atol", atol);
        Checks.maxIter("SolverOptions", maxIter);
    }

    /** The settings without a preconditioner. */
    public SolverOptions(double ridge, Object init, double rtol, double atol, OptionalInt maxIter) {
        this(ridge, init, rtol, atol, maxIter, null);
    }

    /** TorchOpt's defaults: no ridge, start at zero, rtol 1e-5, atol 0, default iteration limit, no preconditioner. */
    public static SolverOptions defaults() {
        return new SolverOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty(), null);
    }

    /** Same settings with another ridge. */
    public SolverOptions withRidge(double value) {
        return new SolverOptions(value, init, rtol, atol, maxIter, preconditioner);
    }

    /** Same settings with another start point (null: zero). */
    public SolverOptions withInit(Object value) {
        return new SolverOptions(ridge, value, rtol, atol, maxIter, preconditioner);
    }

    /** Same settings with another relative tolerance. */
    public SolverOptions withRtol(double value) {
        return new SolverOptions(ridge, init, value, atol, maxIter, preconditioner);
    }

    /** Same settings with another absolute tolerance. */
    public SolverOptions withAtol(double value) {
        return new SolverOptions(ridge, init, rtol, value, maxIter, preconditioner);
    }

    /** Same settings with an iteration limit. */
    public SolverOptions withMaxIter(int value) {
        return new SolverOptions(ridge, init, rtol, atol, OptionalInt.of(value), preconditioner);
    }

    /**
     * Same settings with a preconditioner {@code M}, applied as {@code z = M r} to the residual (null: none).
     * TorchOpt's {@code solve_cg(M=...)} / {@code solve_normal_cg(M=...)} hand it to {@code linalg.cg}.
     */
    public SolverOptions withPreconditioner(LinearOperator value) {
        return new SolverOptions(ridge, init, rtol, atol, maxIter, value);
    }

    /** The CG settings these stand for: start {@code init}, same tolerances, limit and preconditioner. */
    CgOptions toCg() {
        return new CgOptions(init, rtol, atol, maxIter, preconditioner);
    }
}
