package dev.metagrad.linearsolve;

import java.util.OptionalInt;

/**
 * Settings shared by the iterative solvers {@link LinearSolve#solveCg}, {@link LinearSolve#solveNormalCg} and
 * {@link LinearSolve#solveBicgstab} (TorchOpt's {@code solve_cg(ridge, init, **cg_kwargs)} keywords, JAXopt's
 * {@code solve_bicgstab(ridge, init, tol, atol, maxiter)}).
 *
 * <p>The solvers stop once {@code ||r||² <= max(rtol² ||b||², atol²)} (r the residual), or after
 * {@code maxIter} iterations.
 *
 * @param ridge   added to the operator: the system solved is {@code (A + ridge I) x = b}; 0 adds nothing
 * @param init    the start point {@code x0}, a tree shaped like {@code b}; null starts at zero
 * @param rtol    relative tolerance on the residual norm (TorchOpt's {@code rtol}, default 1e-5)
 * @param atol    absolute tolerance on the residual norm (default 0)
 * @param maxIter iteration limit; empty for the default {@code 10 · Σ dims} of {@code b} (see {@link Cg})
 */
public record SolverOptions(double ridge, Object init, double rtol, double atol, OptionalInt maxIter) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a non-finite ridge, a negative or non-finite tolerance, or a
     *                                  non-positive iteration limit
     */
    public SolverOptions {
        Checks.finite("SolverOptions", "ridge", ridge);
        Checks.tolerance("SolverOptions", "rtol", rtol);
        Checks.tolerance("SolverOptions", "atol", atol);
        Checks.maxIter("SolverOptions", maxIter);
    }

    /** TorchOpt's defaults: no ridge, start at zero, rtol 1e-5, atol 0, default iteration limit. */
    public static SolverOptions defaults() {
        return new SolverOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty());
    }

    /** Same settings with another ridge. */
    public SolverOptions withRidge(double value) {
        return new SolverOptions(value, init, rtol, atol, maxIter);
    }

    /** Same settings with another start point (null: zero). */
    public SolverOptions withInit(Object value) {
        return new SolverOptions(ridge, value, rtol, atol, maxIter);
    }

    /** Same settings with another relative tolerance. */
    public SolverOptions withRtol(double value) {
        return new SolverOptions(ridge, init, value, atol, maxIter);
    }

    /** Same settings with another absolute tolerance. */
    public SolverOptions withAtol(double value) {
        return new SolverOptions(ridge, init, rtol, value, maxIter);
    }

    /** Same settings with an iteration limit. */
    public SolverOptions withMaxIter(int value) {
        return new SolverOptions(ridge, init, rtol, atol, OptionalInt.of(value));
    }

    /** The CG settings these stand for: start {@code init}, same tolerances and limit, no preconditioner. */
    CgOptions toCg() {
        return new CgOptions(init, rtol, atol, maxIter, null);
    }
}
