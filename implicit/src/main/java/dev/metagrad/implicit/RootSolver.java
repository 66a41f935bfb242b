package dev.metagrad.implicit;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An inner solver with implicit gradients, made by {@link Implicit#customRoot} (TorchOpt's
 * {@code custom_root(optimality_fn, argnums, has_aux, solve)(solver_fn)}). {@link #solve} runs the inner solver
 * without recording and returns its solution {@code z*} connected to the graph of the differentiated arguments
 * θ through one node whose backward applies the implicit function theorem to {@code F(z*, θ) = 0}:
 * <pre>
 *   ḡ       = ∂L/∂z*                         (the cotangent arriving at z*)
 *   Mop(u)  = (∂F/∂z)ᵀ u                     (vector-Jacobian product of F w.r.t. z, at z*)
 *   u       = solve(Mop, −ḡ)                 (the configured linear solver)
 *   ∂L/∂θ   = (∂F/∂θ)ᵀ u                     (vector-Jacobian product of F w.r.t. each θ in argnums)
 * </pre>
 * which is {@code −(∂F/∂θ)ᵀ (∂F/∂z)⁻ᵀ ḡ}, the gradient through the Jacobian {@code ∂z*(θ) = −(∂F/∂z)⁻¹ ∂F/∂θ}.
 *
 * <p><b>Higher order.</b> When the backward pass itself is recorded ({@code createGraph(true)}), it evaluates
 * F at the recorded {@code z*} and θ and records the linear solve, so the gradient it returns is
 * differentiable again: with respect to θ directly, through {@code z*} (by this same rule), and through
 * {@code ḡ}. The result is exact when the linear solve is (a dense solve, or CG run to convergence).
 *
 * <p>Instances are immutable and may be called from several threads; each call records its own node.
 */
public final class RootSolver {
    private final Optimality optimality;
    private final InnerSolver solver;
    private final CustomRootOptions options;

    RootSolver(Optimality optimality, InnerSolver solver, CustomRootOptions options) {
        this.optimality = optimality;
        this.solver = solver;
        this.options = options;
    }

    /**
     * Runs the inner solver and connects its solution to the graph.
     *
     * @param z0   the initial guess, handed to the inner solver unchanged (never differentiated)
     * @param args the solver's arguments after {@code z0}; those named by argnums must be trees of tensors
     *             (their leaves that require grad get implicit gradients), the others may be anything
     * @return the solution tree (fresh tensors; when grad mode is on and some differentiated leaf requires grad,
     *         they carry the implicit-gradient node), or, with {@code hasAux}, a {@link WithAux} holding it and
     *         the solver's auxiliary output unchanged
     * @throws IllegalArgumentException when an argnum is out of range for the call or names something that is
     *                                  not a tree of tensors
     * @throws IllegalStateException    when the solver's output is not what the options promise: not a
     *                                  {@link WithAux} with {@code hasAux} (or one without it), no tensors,
     *                                  non-floating or mixed-dtype leaves
     */
    public Object solve(Object z0, Object... args) {
        Object[] argv = args == null ? new Object[] {null} : args.clone();
        int[] argnums = options.argnums();
        List<Flattened> diffArgs = new ArrayList<>(argnums.length);
        for (int a : argnums) {
            if (a > argv.length) {
                throw new IllegalArgumentException("customRoot: argnums names argument " + a + " but the solver was called"
                        + " with " + argv.length + " argument(s) after z0; argnums count z0 as 0, so the valid indices"
                        + " are 1.." + argv.length);
            }
            Flattened flat;
            try {
                flat = Trees.flatten(argv[a - 1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customRoot: argument " + a + " is differentiated (argnums) and must"
                        + " be a tree of tensors: " + e.getMessage(), e);
            }
            diffArgs.add(flat);
        }
        Object[] solverArgs = argv.clone();
        for (int j = 0; j < argnums.length; j++) {
            Flattened flat = diffArgs.get(j);
            List<Tensor> detached = new ArrayList<>(flat.leaves().size());
            for (Tensor leaf : flat.leaves()) {
                detached.add(leaf.detach());
            }
            solverArgs[argnums[j] - 1] = flat.def().unflatten(detached);
        }
        Object out;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            out = solver.solve(z0, Collections.unmodifiableList(Arrays.asList(solverArgs)));
        }
        Object solution = out;
        Object aux = null;
        if (options.hasAux()) {
            if (!(out instanceof WithAux withAux)) {
                throw new IllegalStateException("customRoot: hasAux is set, so the inner solver must return"
                        + " WithAux(solution, aux); it returned " + describe(out));
            }
            solution = withAux.solution();
            aux = withAux.aux();
        } else if (out instanceof WithAux) {
            throw new IllegalStateException("customRoot: the inner solver returned WithAux(solution, aux) but hasAux"
                    + " is false; build the options with hasAux(true)");
        }
        Flattened z = flattenSolution(solution);
        Object connected = ImplicitGradient.connect(optimality, options, z, argv, argnums, diffArgs);
        return options.hasAux() ? new WithAux(connected, aux) : connected;
    }

    /**
     * {@link #solve} for a root solver built with {@code hasAux(true)}, typed.
     *
     * @throws IllegalStateException when the options do not set hasAux (and as {@link #solve})
     */
    public WithAux solveWithAux(Object z0, Object... args) {
        if (!options.hasAux()) {
            throw new IllegalStateException("customRoot: solveWithAux needs a root solver built with hasAux(true)");
        }
        return (WithAux) solve(z0, args);
    }

    /** The settings this solver was built with. */
    public CustomRootOptions options() {
        return options;
    }

    /** The optimality function F whose root the inner solver finds. */
    public Optimality optimality() {
        return optimality;
    }

    private static Flattened flattenSolution(Object solution) {
        Flattened z;
        try {
            z = Trees.flatten(solution);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("customRoot: the inner solver must return a tree of tensors: "
                    + e.getMessage(), e);
        }
        if (z.leaves().isEmpty()) {
            throw new IllegalStateException("customRoot: the inner solver returned a tree with no tensors ("
                    + z.def() + ")");
        }
        DType dtype = z.leaves().get(0).dtype();
        for (Tensor leaf : z.leaves()) {
            if (!leaf.dtype().isFloatingPoint() || leaf.dtype() != dtype) {
                throw new IllegalStateException("customRoot: the solution's leaves must share one floating point"
                        + " dtype; found " + dtype + " and " + leaf.dtype());
            }
        }
        return z;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof Tensor t ? "a tensor of shape " + Arrays.toString(t.shape())
                : "a " + value.getClass().getSimpleName();
    }
}
