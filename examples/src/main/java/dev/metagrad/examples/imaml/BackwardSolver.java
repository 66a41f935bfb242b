package dev.metagrad.examples.imaml;

import dev.metagrad.linearsolve.GmresOptions;
import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.SolverOptions;

import java.util.Locale;

/**
 * The linear solver of iMAML's backward pass, {@code (∇²L_s(φ*) + λI) u = −ḡ}, run for a fixed number of
 * iterations (a tiny relative tolerance, so that it stops early only when it has converged). The support
 * loss's Hessian of a ReLU network away from a minimum is indefinite, so {@code ∇²L_s + λI} is positive
 * definite only for λ above its most negative eigenvalue; {@link #CG} assumes that, the others do not.
 */
public enum BackwardSolver {
    /** Conjugate gradients ({@code LinearSolve.solveCg}), the iMAML paper's choice; needs a positive definite system. */
    CG,
    /** CG on the normal equations ({@code LinearSolve.solveNormalCg}, TorchOpt's default); any nonsingular system, two products per step. */
    NORMAL_CG,
    /** Restarted GMRES ({@code LinearSolve.solveGmres}); any nonsingular system. */
    GMRES;

    /** The solver with an iteration limit of {@code steps} operator applications (iterations for CG). */
    public LinearSolver linearSolver(int steps) {
        return switch (this) {
            case CG -> LinearSolve.solveCg(SolverOptions.defaults().withRtol(1e-12).withMaxIter(steps));
            case NORMAL_CG -> LinearSolve.solveNormalCg(SolverOptions.defaults().withRtol(1e-12).withMaxIter(steps));
            case GMRES -> LinearSolve.solveGmres(GmresOptions.defaults().withRtol(1e-12).withMaxIter(steps)
                    .withRestart(steps));
        };
    }

    /** The command-line spelling: {@code cg}, {@code normal-cg}, {@code gmres}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The solver of a command-line spelling.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static BackwardSolver fromCliName(String name) {
        for (BackwardSolver s : values()) {
            if (s.cliName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected cg, normal-cg or gmres, got '" + name + "'");
    }
}
