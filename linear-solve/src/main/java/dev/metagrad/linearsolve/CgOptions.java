package dev.metagrad.linearsolve;

import java.util.OptionalInt;

/**
 * Settings of the conjugate-gradient core {@link Cg#cg} ({@code torchopt.linalg.cg(A, b, x0, *, rtol, atol,
 * maxiter, M)}).
 *
 * @param x0             the start point, a tree shaped like {@code b}; null starts at zero
 * @param rtol           relative tolerance: stop once {@code ||r||² <= max(rtol² ||b||², atol²)} (default 1e-5)
 * @param atol           absolute tolerance (default 0)
 * @param maxIter        iteration limit; empty for {@code 10 · Σ dims} of {@code b}
 * @param preconditioner the preconditioner {@code M}, applied as {@code z = M r}; null for the identity
 */
public record CgOptions(Object x0, double rtol, double atol, OptionalInt maxIter, LinearOperator preconditioner) {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a negative or non-finite tolerance or a negative iteration limit (0 is allowed:
     *                                  no iteration, {@code x0} is returned, as in TorchOpt)
     */
    public CgOptions {
        Checks.tolerance("CgOptions", "rtol", rtol);
        Checks.tolerance("CgOptions", "atol", atol);
        Checks.maxIter("CgOptions", maxIter);
    }

    /** TorchOpt's defaults: start at zero, rtol 1e-5, atol 0, default limit, no preconditioner. */
    public static CgOptions defaults() {
        return new CgOptions(null, 1e-5, 0.0, OptionalInt.empty(), null);
    }

    /** Same settings with another start point (null: zero). */
    public CgOptions withX0(Object value) {
        return new CgOptions(value, rtol, atol, maxIter, preconditioner);
    }

    /** Same settings with another relative tolerance. */
    public CgOptions withRtol(double value) {
        return new CgOptions(x0, value, atol, maxIter, preconditioner);
    }

    /** Same settings with another absolute tolerance. */
    public CgOptions withAtol(double value) {
        return new CgOptions(x0, rtol, value, maxIter, preconditioner);
    }

    /** Same settings with an iteration limit. */
    public CgOptions withMaxIter(int value) {
        return new CgOptions(x0, rtol, atol, OptionalInt.of(value), preconditioner);
    }

    /** Same settings with a preconditioner (null: none). */
    public CgOptions withPreconditioner(LinearOperator value) {
        return new CgOptions(x0, rtol, atol, maxIter, value);
    }
}
