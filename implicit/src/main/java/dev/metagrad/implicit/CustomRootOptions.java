package dev.metagrad.implicit;

import dev.metagrad.linearsolve.LinearSolve;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Settings of {@link Implicit#customRoot} and {@link Implicit#customFixedPoint} (TorchOpt's
 * {@code custom_root(optimality_fn, argnums, has_aux=False, solve=None)} keywords, plus two ways to see the
 * linear solve). Immutable; build with {@link #builder()}:
 * <pre>{@code
 * CustomRootOptions o = CustomRootOptions.builder().argnums(1).solve(LinearSolve.solveCg()).build();
 * }</pre>
 *
 * <p><b>argnums</b> count the solver's arguments as TorchOpt does: the initial guess {@code z0} is argument 0
 * and is never differentiated (the root does not depend on it), the first argument after it is 1.
 *
 * <p><b>Non-convergence of the linear solve</b> is never silent: every {@link Solution} of the backward pass
 * goes to the {@link Builder#onLinearSolve listener} (iterations, residual norm, converged flag), and with
 * {@link Builder#requireConvergence(boolean) requireConvergence(true)} a solve that did not converge makes the
 * backward pass throw {@link LinearSolveNotConvergedException}. The default accepts truncated solves, as
 * TorchOpt does (a deliberately short Neumann series or a small {@code maxIter} is a legitimate choice).
 *
 * @see RootSolver
 */
public final class CustomRootOptions {
    private final int[] argnums;
    private final boolean hasAux;
    private final LinearSolver solve;
    private final Consumer<Solution> onLinearSolve;
    private final boolean requireConvergence;

    private CustomRootOptions(Builder b) {
        this.argnums = b.argnums.clone();
        this.hasAux = b.hasAux;
        this.solve = b.solve;
        this.onLinearSolve = b.onLinearSolve;
        this.requireConvergence = b.requireConvergence;
    }

    /** A builder with no argnums yet, {@code hasAux = false} and the default linear solver. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Default settings differentiating the given arguments: {@code builder().argnums(argnums).build()}.
     *
     * @throws IllegalArgumentException see {@link Builder#build()}
     */
    public static CustomRootOptions argnums(int... argnums) {
        return builder().argnums(argnums).build();
    }

    /** The differentiated argument indices (a copy; 1 is the first argument after {@code z0}). */
    public int[] argnums() {
        return argnums.clone();
    }

    /** Whether the inner solver returns a {@link WithAux}. */
    public boolean hasAux() {
        return hasAux;
    }

    /**
     * The linear solver of the backward pass: the one set, else TorchOpt's default
     * {@code solve_normal_cg()} ({@link LinearSolve#solveNormalCg()}: CG on the normal equations, rtol 1e-5,
     * at most 10·n iterations).
     */
    public LinearSolver solve() {
        return solve != null ? solve : LinearSolve.solveNormalCg();
    }

    /** The listener that sees every backward pass's {@link Solution}, or null. */
    public Consumer<Solution> onLinearSolve() {
        return onLinearSolve;
    }

    /** Whether a linear solve that did not converge fails the backward pass. */
    public boolean requireConvergence() {
        return requireConvergence;
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.argnums = argnums.clone();
        b.hasAux = hasAux;
        b.solve = solve;
        b.onLinearSolve = onLinearSolve;
        b.requireConvergence = requireConvergence;
        return b;
    }

    @Override
    public String toString() {
        return "CustomRootOptions[argnums=" + Arrays.toString(argnums) + ", hasAux=" + hasAux + ", solve="
                + solve + ", requireConvergence=" + requireConvergence + "]";
    }

    /** Mutable builder of {@link CustomRootOptions}. */
    public static final class Builder {
        private int[] argnums = new int[0];
        private boolean hasAux;
        private LinearSolver solve;
        private Consumer<Solution> onLinearSolve;
        private boolean requireConvergence;

        private Builder() {
        }

        /**
         * The arguments to differentiate, TorchOpt's {@code argnums}: distinct indices ≥ 1, where 1 is the first
         * argument after {@code z0}. Each must name a tree of tensors at call time.
         */
        public Builder argnums(int... value) {
            this.argnums = value == null ? null : value.clone();
            return this;
        }

        /** Whether the inner solver returns {@link WithAux}{@code (solution, aux)} (TorchOpt's {@code has_aux}). */
        public Builder hasAux(boolean value) {
            this.hasAux = value;
            return this;
        }

        /** The linear solver of the backward pass; null restores the default {@code solveNormalCg()}. */
        public Builder solve(LinearSolver value) {
            this.solve = value;
            return this;
        }

        /**
         * A listener called with the {@link Solution} of every backward pass's linear solve (on the thread that
         * runs the backward), e.g. to log iterations and residuals; null for none.
         */
        public Builder onLinearSolve(Consumer<Solution> value) {
            this.onLinearSolve = value;
            return this;
        }

        /**
         * When true, a backward pass whose linear solve reports {@code converged = false} throws
         * {@link LinearSolveNotConvergedException} instead of returning the truncated gradient. Default false.
         */
        public Builder requireConvergence(boolean value) {
            this.requireConvergence = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException when argnums is null or empty, holds 0 (the initial guess) or a
         *                                  negative index, or repeats an index
         */
        public CustomRootOptions build() {
            if (argnums == null || argnums.length == 0) {
                throw new IllegalArgumentException("customRoot: argnums must name at least one argument to differentiate"
                        + " (1 is the first argument after z0)");
            }
            for (int i = 0; i < argnums.length; i++) {
                if (argnums[i] == 0) {
                    throw new IllegalArgumentException("customRoot: argnums[" + i + "] = 0 names the initial guess z0,"
                            + " which the root does not depend on; the first differentiable argument is 1");
                }
                if (argnums[i] < 0) {
                    throw new IllegalArgumentException("customRoot: argnums[" + i + "] = " + argnums[i] + " is negative");
                }
                for (int j = 0; j < i; j++) {
                    if (argnums[j] == argnums[i]) {
                        throw new IllegalArgumentException("customRoot: argnums " + Arrays.toString(argnums)
                                + " repeats argument " + argnums[i] + "; name each argument once");
                    }
                }
            }
            return new CustomRootOptions(this);
        }
    }
}
