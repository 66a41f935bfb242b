package dev.metagrad.linearsolve;

import java.util.OptionalInt;

/**
 * Settings of {@link LinearSolve#solveGmres} (JAXopt's {@code solve_gmres(ridge, init, tol, atol, restart,
 * maxiter)}).
 *
 * @param ridge   added to the operator: the system solved is {@code (A + ridge I) x = b}; 0 adds nothing
 * @param init    the start point, a tree shaped like {@code b}; null starts at zero
 * @param rtol    relative tolerance: stop once {@code ||r||² <= max(rtol² ||b||², atol²)} (default 1e-5)
 * @param atol    absolute tolerance (default 0)
 * @param maxIter limit on the total number of Arnoldi steps (operator applications) over all restarts; empty
 *                for {@code 10 · Σ dims} of {@code b}. JAX counts restart cycles instead.
 * @param restart the Krylov subspace size before a restart (default 20)
 * @param preconditioner a right preconditioner {@code M ≈ (A + ridge I)⁻¹} mapping trees shaped like {@code b}
 *                       to trees shaped like {@code b}: GMRES runs Arnoldi on {@code A M} to solve
 *                       {@code A M y = b − A x0} and returns {@code x = x0 + M y}; null for none (JAXopt's
 *                       {@code M})
 */
public record GmresOptions(double ridge, Object init, double rtol, double atol, OptionalInt maxIter, int restart,
                           LinearOperator preconditioner) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a non-finite ridge, a negative tolerance, a negative
     *                                  iteration limit (0 returns the start point) or a non-positive restart
     */
    public GmresOptions {
        Checks.finite("GmresOptions", "ridge", ridge);
        Checks.tolerance("GmresOptions", "rtol", rtol);
        Checks.tolerance("GmresOptions", "atol", atol);
        Checks.maxIter("GmresOptions", maxIter);
        Checks.positive("GmresOptions", "restart", restart);
    }

    /** The settings without a preconditioner. */
    public GmresOptions(double ridge, Object init, double rtol, double atol, OptionalInt maxIter, int restart) {
        this(ridge, init, rtol, atol, maxIter, restart, null);
    }

    /** JAXopt's defaults: no ridge, start at zero, rtol 1e-5, atol 0, default limit, restart 20, no preconditioner. */
    public static GmresOptions defaults() {
        return new GmresOptions(0.0, null, 1e-5, 0.0, OptionalInt.empty(), 20, null);
    }

    /** Same settings with another ridge. */
    public GmresOptions withRidge(double value) {
        return new GmresOptions(value, init, rtol, atol, maxIter, restart, preconditioner);
    }

    /** Same settings with another start point (null: zero). */
    public GmresOptions withInit(Object value) {
        return new GmresOptions(ridge, value, rtol, atol, maxIter, restart, preconditioner);
    }

    /** Same settings with another relative tolerance. */
    public GmresOptions withRtol(double value) {
        return new GmresOptions(ridge, init, value, atol, maxIter, restart, preconditioner);
    }

    /** Same settings with another absolute tolerance. */
    public GmresOptions withAtol(double value) {
        return new GmresOptions(ridge, init, rtol, value, maxIter, restart, preconditioner);
    }

    /** Same settings with an iteration limit. */
    public GmresOptions withMaxIter(int value) {
        return new GmresOptions(ridge, init, rtol, atol, OptionalInt.of(value), restart, preconditioner);
    }

    /** Same settings with another restart length. */
    public GmresOptions withRestart(int value) {
        return new GmresOptions(ridge, init, rtol, atol, maxIter, value, preconditioner);
    }

    /**
     * Same settings with a right preconditioner {@code M} (null: none). GMRES then minimises
     * {@code ||r0 − A M y||} over the Krylov space {@code span(r0, A M r0, (A M)² r0, ...)} and moves to
     * {@code x = x0 + M y}; as {@code b − A x = r0 − A M y}, the residual it monitors and reports is still that
     * of {@code A x = b}. A good {@code M} (e.g. the inverse diagonal of a badly scaled A) clusters the
     * spectrum of {@code A M} and cuts the number of steps.
     */
    public GmresOptions withPreconditioner(LinearOperator value) {
        return new GmresOptions(ridge, init, rtol, atol, maxIter, restart, value);
    }
}
