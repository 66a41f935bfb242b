package dev.metagrad.implicit;

import dev.metagrad.tree.TreeMath;

/**
 * Implicit differentiation of inner solvers (TorchOpt's {@code torchopt.diff.implicit}, JAXopt's
 * {@code custom_root} / {@code custom_fixed_point}): the gradient of a solution {@code z*(θ)} with respect to
 * θ comes from the optimality condition {@code F(z*, θ) = 0} and one linear solve, not from unrolling the
 * solver, so the solver may be anything and its iteration count costs no memory.
 * <pre>{@code
 * // ridge regression: w* = argmin 0.5‖Xw − y‖² + 0.5 Σ exp(loglam) w²
 * Optimality f = (w, args) -> {
 *     Tensor loglam = (Tensor) args.get(0), x = (Tensor) args.get(1), y = (Tensor) args.get(2);
 *     return x.t().matmul(x.matmul((Tensor) w).sub(y)).add(loglam.exp().mul((Tensor) w));
 * };
 * RootSolver ridge = Implicit.customRoot(f, (w0, args) -> closedForm(args), CustomRootOptions.argnums(1));
 * Tensor w = (Tensor) ridge.solve(null, loglam, x, y);
 * Tensor[] hypergrad = Autograd.grad(validationLoss(w), loglam);
 * }</pre>
 */
public final class Implicit {
    private Implicit() {
    }

    /**
     * Wraps an inner solver so that its solution gets implicit gradients (TorchOpt's
     * {@code custom_root(optimality_fn, argnums, has_aux, solve)(solver_fn)}): with ḡ the cotangent of
     * {@code z*}, {@code u = solve((∂F/∂z)ᵀ·, −ḡ)} and {@code ∂L/∂θ = (∂F/∂θ)ᵀ u} for each θ in argnums (see
     * {@link RootSolver}).
     *
     * @param optimality F, with {@code F(z*, args) = 0} at the solver's solution
     * @param solver     the inner solver, run without recording
     * @param options    argnums, hasAux and the linear solver
     * @throws IllegalArgumentException when an argument is null
     */
    public static RootSolver customRoot(Optimality optimality, InnerSolver solver, CustomRootOptions options) {
        if (optimality == null) {
            throw new IllegalArgumentException("customRoot: optimality must not be null");
        }
        if (solver == null) {
            throw new IllegalArgumentException("customRoot: solver must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("customRoot: options must not be null; e.g. CustomRootOptions.argnums(1)");
        }
        return new RootSolver(optimality, solver, options);
    }

    /**
     * Wraps a solver of the fixed point {@code z* = T(z*, args)} (JAXopt's {@code custom_fixed_point}): a
     * {@link #customRoot} with the optimality residual {@code F(z, args) = z − T(z, args)}, so
     * {@code (∂F/∂z)ᵀ u = u − (∂T/∂z)ᵀ u} and {@code ∂L/∂θ = −(∂T/∂θ)ᵀ u}.
     *
     * @param fixedPointMap T
     * @param solver        the inner solver (e.g. iterating T until it stops moving)
     * @param options       argnums, hasAux and the linear solver (the operator is not symmetric: use
     *                      {@code solveNormalCg}, GMRES, BiCGStab or a dense solve, not plain CG)
     * @throws IllegalArgumentException when an argument is null
     */
    public static RootSolver customFixedPoint(FixedPointMap fixedPointMap, InnerSolver solver, CustomRootOptions options) {
        if (fixedPointMap == null) {
            throw new IllegalArgumentException("customFixedPoint: fixedPointMap must not be null");
        }
        return customRoot((z, args) -> TreeMath.sub(z, fixedPointMap.apply(z, args)), solver, options);
    }
}
