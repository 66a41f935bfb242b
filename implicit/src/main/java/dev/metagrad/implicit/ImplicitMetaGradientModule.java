package dev.metagrad.implicit;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;
import dev.metagrad.nn.Module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Base class of models whose parameters solve an inner problem and get meta-gradients by implicit
 * differentiation ({@code torchopt.diff.implicit.nn.ImplicitMetaGradientModule}).
 *
 * <p>Two kinds of tensors are kept apart. <b>Inner parameters</b> are this {@link Module}'s registered
 * parameters ({@link #parameters()}, {@link #namedParameters()}): the variables x of the inner problem.
 * <b>Meta-parameters</b> θ are registered with {@link #registerMetaParameter} (single tensors) or
 * {@link #registerMetaModule} (all parameters of another module) and are listed by
 * {@link #namedMetaParameters()}, never among the inner parameters.
 *
 * <p>A subclass implements
 * <ul>
 *   <li>{@link #solve(Object...)}: the inner optimisation, updating the inner parameters in place (for example
 *       a loop of a classic {@code dev.metagrad.optim.classic.Optimizer} built on {@code this}); it need not be
 *       differentiable;</li>
 *   <li>{@link #objective(Object...)}: the inner objective f(x, θ), a scalar;</li>
 *   <li>optionally {@link #optimality(Object...)}: the residual F(x, θ) that vanishes at the solution; by
 *       default {@code ∇ₓ f(x, θ)}, the gradient of the objective with respect to the inner parameters
 *       (recorded, so it can be differentiated again);</li>
 *   <li>{@link Module#forward(Tensor, dev.metagrad.nn.Params)}: the model's prediction, as for any module.</li>
 * </ul>
 * {@link #call(Object...)} runs {@code solve} through {@link Implicit#customRoot} and installs the solution as
 * the module's parameters: an outer loss computed with them back-propagates to the meta-parameters through
 * {@code ∂L/∂θ = (∂F/∂θ)ᵀ u} with {@code (∂F/∂x)ᵀ u = −∂L/∂x} solved by the module's linear solver.
 * <pre>{@code
 * final class RidgeModel extends ImplicitMetaGradientModule {
 *     RidgeModel(Tensor loglam) {
 *         registerMetaParameter("loglam", loglam);
 *         registerParameter("w", Tensor.zeros(loglam.numel()));
 *     }
 *     protected Tensor objective(Object... in) {
 *         Tensor x = (Tensor) in[0], y = (Tensor) in[1], w = parameter("w");
 *         return x.matmul(w).sub(y).square().sum().mul(0.5)
 *                 .add(metaParameter("loglam").exp().mul(w.square()).sum().mul(0.5));
 *     }
 *     protected Object solve(Object... in) {
 *         Optimizer opt = new Optimizer(this, Alias.sgd(0.01));
 *         for (int k = 0; k < 500; k++) {
 *             opt.zeroGrad();
 *             objective(in).backward();
 *             opt.step();
 *         }
 *         return null;
 *     }
 *     protected Tensor forward(Tensor x, Params p) { return x.matmul(p.get("w")); }
 * }
 * model.call(x, y);
 * Tensor[] hypergrad = Autograd.grad(validationLoss(model.forward(xv)), loglam);
 * }</pre>
 *
 * <p><b>What {@code solve} sees.</b> It runs with grad mode on, with every inner parameter replaced by a fresh
 * leaf that requires grad (holding the current values, so repeated calls warm-start) and every
 * meta-parameter replaced by a detached copy, so a {@code backward()} inside it fills the inner parameters'
 * {@code grad()} only and nothing it records reaches the caller's graph. (TorchOpt warns that a plain
 * {@code backward()} there also accumulates into the meta-parameters; here it cannot.)
 *
 * <p>Not thread-safe: {@code call}, and the backward pass through its result, temporarily swap the module's
 * tensors.
 */
public abstract class ImplicitMetaGradientModule extends Module {
    private final Map<String, Tensor> metaParameters = new LinkedHashMap<>();
    private final Map<String, Module> metaModules = new LinkedHashMap<>();
    private final LinearSolver linearSolve;
    private final Consumer<Solution> onLinearSolve;
    private final boolean requireConvergence;

    /** A module whose implicit gradients use the default linear solver, {@code solveNormalCg()}. */
    protected ImplicitMetaGradientModule() {
        this(null);
    }

    /**
     * A module whose implicit gradients use {@code linearSolve} (TorchOpt's {@code linear_solve} class
     * argument); null selects the default {@code solveNormalCg()}.
     */
    protected ImplicitMetaGradientModule(LinearSolver linearSolve) {
        this(linearSolve, null, false);
    }

    /**
     * A module whose implicit gradients use {@code linearSolve} and report each solve as
     * {@link CustomRootOptions.Builder#onLinearSolve} and {@link CustomRootOptions.Builder#requireConvergence}
     * describe.
     *
     * @param linearSolve        the linear solver, null for the default {@code solveNormalCg()}
     * @param onLinearSolve      called with every backward pass's {@link Solution}, or null
     * @param requireConvergence whether a solve that did not converge fails the backward pass with
     *                           {@link LinearSolveNotConvergedException}
     */
    protected ImplicitMetaGradientModule(LinearSolver linearSolve, Consumer<Solution> onLinearSolve,
                                         boolean requireConvergence) {
        this.linearSolve = linearSolve;
        this.onLinearSolve = onLinearSolve;
        this.requireConvergence = requireConvergence;
    }

    // ----------------------------------------------------------------------------------------------
    // Meta-parameters

    /**
     * Registers a meta-parameter θ: a tensor the inner problem depends on and that receives implicit
     * gradients. It is stored as given (a leaf requiring grad, usually; any floating tensor is accepted) and
     * read with {@link #metaParameter(String)}.
     *
     * @return {@code value}
     * @throws IllegalArgumentException when the name is empty, contains '.', or is taken, or the value is not a
     *                                  floating point tensor
     */
    protected final Tensor registerMetaParameter(String name, Tensor value) {
        checkNewMetaName("registerMetaParameter", name);
        if (value == null || !value.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("registerMetaParameter: '" + name + "' must be a floating point tensor, got "
                    + (value == null ? "null" : value.dtype() + " " + Shape.str(value.shape())));
        }
        metaParameters.put(name, value);
        return value;
    }

    /**
     * Registers a module whose parameters are all meta-parameters (TorchOpt's meta-modules), named
     * {@code name.<its parameter name>} in {@link #namedMetaParameters()}. It is not a child of this module: its
     * parameters are not inner parameters.
     *
     * @return {@code module}
     * @throws IllegalArgumentException when the name is empty, contains '.', or is taken, or the module is null
     *                                  or this one
     */
    protected final <M extends Module> M registerMetaModule(String name, M module) {
        checkNewMetaName("registerMetaModule", name);
        if (module == null || module == this) {
            throw new IllegalArgumentException("registerMetaModule: '" + name + "' must be another module, got "
                    + (module == null ? "null" : "the module itself"));
        }
        metaModules.put(name, module);
        return module;
    }

    private void checkNewMetaName(String op, String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(op + ": name must be non-empty and contain no '.', got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (metaParameters.containsKey(name) || metaModules.containsKey(name) || namedChildren().containsKey(name)
                || namedParameters().containsKey(name)) {
            throw new IllegalArgumentException(op + ": the name '" + name + "' is already taken");
        }
    }

    /**
     * The meta-parameter {@code name} as the current computation sees it (inside {@link #objective} and
     * {@link #optimality} during a backward pass, the variable that implicit differentiation differentiates).
     *
     * @throws IllegalArgumentException when there is no such meta-parameter
     */
    public final Tensor metaParameter(String name) {
        Tensor t = metaParameters.get(name);
        if (t == null) {
            throw new IllegalArgumentException("metaParameter: no meta-parameter '" + name + "'; registered are "
                    + metaParameters.keySet());
        }
        return t;
    }

    /**
     * The meta-module {@code name}.
     *
     * @throws IllegalArgumentException when there is no such meta-module
     */
    public final Module metaModule(String name) {
        Module m = metaModules.get(name);
        if (m == null) {
            throw new IllegalArgumentException("metaModule: no meta-module '" + name + "'; registered are "
                    + metaModules.keySet());
        }
        return m;
    }

    /** Every meta-parameter by name: the registered ones, then each meta-module's as {@code module.param}. */
    public final LinkedHashMap<String, Tensor> namedMetaParameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>(metaParameters);
        for (Map.Entry<String, Module> e : metaModules.entrySet()) {
            for (Map.Entry<String, Tensor> p : e.getValue().namedParameters().entrySet()) {
                out.put(e.getKey() + "." + p.getKey(), p.getValue());
            }
        }
        return out;
    }

    /** The meta-parameters in {@link #namedMetaParameters()} order. */
    public final List<Tensor> metaParameters() {
        return new ArrayList<>(namedMetaParameters().values());
    }

    /** The linear solver of the implicit gradients, or null for the default {@code solveNormalCg()}. */
    public final LinearSolver linearSolve() {
        return linearSolve;
    }

    // ----------------------------------------------------------------------------------------------
    // The inner problem

    /**
     * Solves the inner problem in place: leaves the optimal values in the inner parameters (through
     * {@link #setParameter}, which a classic optimizer built on {@code this} does). See the class
     * documentation for what it runs on.
     *
     * @param inputs what {@link #call} was given
     * @return anything to hand back in {@link InnerSolution#output()} (may be null)
     */
    protected abstract Object solve(Object... inputs);

    /**
     * The inner objective f(x, θ), a one-element tensor, reading the inner parameters with
     * {@link #parameter(String)} (or through {@code forward}) and the meta-parameters with
     * {@link #metaParameter(String)}. Needed unless {@link #optimality} is overridden.
     *
     * @throws UnsupportedOperationException unless overridden
     */
    protected Tensor objective(Object... inputs) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": override objective(...) (the default"
                + " optimality is its gradient) or optimality(...)");
    }

    /**
     * The optimality residual F(x, θ), one tensor per inner parameter in {@link #parameters()} order, shaped
     * like it, zero at the solution of the inner problem. Default: {@code ∇ₓ f(x, θ)} of {@link #objective},
     * computed with {@code createGraph} (zeros for parameters the objective does not use). Override for other
     * conditions, e.g. the fixed-point residual {@code x − T(x, θ)}.
     *
     * @throws IllegalStateException when the objective is not a one-element tensor or depends on no parameter
     */
    protected List<Tensor> optimality(Object... inputs) {
        Tensor f = objective(inputs);
        if (f == null || f.numel() != 1) {
            throw new IllegalStateException(getClass().getSimpleName() + ".objective must return a one-element tensor, got "
                    + (f == null ? "null" : "shape " + Shape.str(f.shape())));
        }
        if (!f.requiresGrad()) {
            throw new IllegalStateException(getClass().getSimpleName() + ".objective does not depend on the inner"
                    + " parameters (its result does not require grad); read them with parameter(name) or forward");
        }
        return List.of(Autograd.gradOf(f).inputs(parameters()).createGraph(true).materializeGrads(true).compute());
    }

    /**
     * Solves the inner problem and connects the solution to the meta-parameters (TorchOpt's decorated
     * {@code solve}): runs {@link #solve} as the inner solver of {@link Implicit#customRoot} with
     * {@link #optimality} as F, the inner parameters as z and the meta-parameters as the differentiated
     * argument, then installs the solution as the module's parameters (non-leaf tensors, as after a
     * meta-optimizer step). If anything throws, the module's parameters and meta-parameters are left as they
     * were.
     *
     * @param inputs passed to {@code solve}, {@code objective} and {@code optimality} unchanged (data, labels, ...)
     * @return the inner parameters (as installed) and what {@code solve} returned
     * @throws IllegalStateException when the module has no inner parameters, or solve replaced them by tensors
     *                               of other shapes
     */
    public final InnerSolution call(Object... inputs) {
        Object[] in = inputs == null ? new Object[] {null} : inputs.clone();
        LinkedHashMap<String, Tensor> start = namedParameters();
        if (start.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + ".call: the module has no inner parameters to"
                    + " solve for; register them with registerParameter");
        }
        List<String> names = new ArrayList<>(start.keySet());
        Object[] args = new Object[in.length + 1];
        args[0] = namedMetaParameters();
        System.arraycopy(in, 0, args, 1, in.length);
        RootSolver root = Implicit.customRoot(this::residual, (z0, a) -> innerSolve(names, z0, a),
                CustomRootOptions.builder().argnums(1).hasAux(true).solve(linearSolve)
                        .onLinearSolve(onLinearSolve).requireConvergence(requireConvergence).build());
        try {
            WithAux out = root.solveWithAux(new ArrayList<>(start.values()), args);
            @SuppressWarnings("unchecked")
            List<Tensor> solution = (List<Tensor>) out.solution();
            LinkedHashMap<String, Tensor> installed = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                setParameter(names.get(i), solution.get(i));
                installed.put(names.get(i), solution.get(i));
            }
            return new InnerSolution(installed, out.aux());
        } catch (RuntimeException e) {
            bindParameters(names, new ArrayList<>(start.values()));
            throw e;
        }
    }

    private Object innerSolve(List<String> names, Object z0, List<Object> args) {
        @SuppressWarnings("unchecked")
        List<Tensor> startValues = (List<Tensor>) z0;
        @SuppressWarnings("unchecked")
        Map<String, Tensor> meta = (Map<String, Tensor>) args.get(0);
        Object[] inputs = args.subList(1, args.size()).toArray();
        LinkedHashMap<String, Tensor> metaBefore = bindMeta(meta);
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            List<Tensor> fresh = new ArrayList<>(startValues.size());
            for (Tensor t : startValues) {
                fresh.add(t.detach().requiresGrad(true));
            }
            bindParameters(names, fresh);
            Object output = solve(inputs);
            LinkedHashMap<String, Tensor> after = namedParameters();
            if (!new ArrayList<>(after.keySet()).equals(names)) {
                throw new IllegalStateException(getClass().getSimpleName() + ".solve changed the set of parameters from "
                        + names + " to " + after.keySet());
            }
            List<Tensor> solution = new ArrayList<>(names.size());
            for (String name : names) {
                solution.add(after.get(name).detach());
            }
            return new WithAux(solution, output);
        } finally {
            bindMeta(metaBefore);
        }
    }

    private Object residual(Object z, List<Object> args) {
        @SuppressWarnings("unchecked")
        List<Tensor> x = (List<Tensor>) z;
        @SuppressWarnings("unchecked")
        Map<String, Tensor> meta = (Map<String, Tensor>) args.get(0);
        Object[] inputs = args.subList(1, args.size()).toArray();
        LinkedHashMap<String, Tensor> before = namedParameters();
        List<String> names = new ArrayList<>(before.keySet());
        LinkedHashMap<String, Tensor> metaBefore = bindMeta(meta);
        try {
            bindParameters(names, x);
            List<Tensor> f = optimality(inputs);
            if (f == null || f.size() != names.size()) {
                throw new IllegalStateException(getClass().getSimpleName() + ".optimality must return one tensor per inner"
                        + " parameter " + names + ", got " + (f == null ? "null" : f.size() + " tensors"));
            }
            return new ArrayList<>(f);
        } finally {
            bindParameters(names, new ArrayList<>(before.values()));
            bindMeta(metaBefore);
        }
    }

    private void bindParameters(List<String> names, List<Tensor> values) {
        for (int i = 0; i < names.size(); i++) {
            setParameter(names.get(i), values.get(i));
        }
    }

    /** Replaces every meta-parameter by the tensor of the same name; returns the ones replaced. */
    private LinkedHashMap<String, Tensor> bindMeta(Map<String, Tensor> values) {
        LinkedHashMap<String, Tensor> before = namedMetaParameters();
        if (!before.keySet().equals(values.keySet())) {
            throw new IllegalStateException("the meta-parameters changed during the call: " + before.keySet() + " vs "
                    + values.keySet());
        }
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            String name = e.getKey();
            int dot = name.indexOf('.');
            if (dot < 0) {
                Tensor old = metaParameters.get(name);
                if (!Arrays.equals(old.shape(), e.getValue().shape())) {
                    throw new IllegalStateException("meta-parameter '" + name + "' has shape " + Shape.str(old.shape())
                            + " but is bound to a tensor of shape " + Shape.str(e.getValue().shape()));
                }
                metaParameters.put(name, e.getValue());
            } else {
                metaModules.get(name.substring(0, dot)).setParameter(name.substring(dot + 1), e.getValue());
            }
        }
        return before;
    }
}
