package dev.metagrad.implicit;

import java.util.List;

/**
 * The inner solver that {@link Implicit#customRoot} wraps: {@code solver(z0, args) → z*} (TorchOpt's
 * {@code solver_fn(params, *args)}). It may be anything, differentiable or not: a closed-form solve, a loop
 * of a classic optimizer, an external library. {@link RootSolver#solve} runs it without recording a graph
 * (inside {@link dev.metagrad.autograd.GradMode#noGrad()}; it may open its own
 * {@link dev.metagrad.autograd.GradMode#enableGrad()} scope) on detached copies of the differentiated
 * arguments, so nothing it does reaches the caller's graph or the arguments' {@code grad()}.
 */
@FunctionalInterface
public interface InnerSolver {
    /**
     * Solves the inner problem.
     *
     * @param z0   the initial guess, as passed to {@link RootSolver#solve} (may be null)
     * @param args the arguments after {@code z0}, in call order; those named by {@code argnums} are detached
     *             copies of the caller's trees
     * @return the solution {@code z*}, a tree of floating-point tensors of one dtype; when the root solver was
     *         built with {@code hasAux(true)}, a {@link WithAux} holding the solution and auxiliary output
     */
    Object solve(Object z0, List<Object> args);
}
