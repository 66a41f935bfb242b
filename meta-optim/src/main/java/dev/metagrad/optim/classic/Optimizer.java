package dev.metagrad.optim.classic;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;
import dev.metagrad.optim.meta.StateTensors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A classic (non-differentiable) optimizer in the style of {@code torch.optim}: TorchOpt's
 * {@code torchopt.Optimizer(params, impl)}. {@link #step()} reads the {@code grad()} that {@code backward}
 * accumulated in every parameter leaf and applies, per param group,
 * <pre>
 *   (u, state) = impl.update(p.grad, state, p);   p ← p + u     (without recording a graph)
 * </pre>
 *
 * <p><b>How "in place" works here.</b> metagrad tensors are immutable, so a step cannot overwrite a
 * parameter's values. Instead each parameter lives in a {@link ParamRef}: the step builds a new leaf with the
 * updated values, the same {@code requiresGrad} flag and the old leaf's accumulated gradient (torch keeps
 * {@code .grad} across a step until {@link #zeroGrad}), and stores it in the handle. For an optimizer built on
 * a {@link Module} the handle is the module's parameter slot ({@link Module#setParameter}), so the module
 * sees the new values at once; for one built on plain tensors, read the new tensors from {@link #params()}
 * (the tensors passed in are never changed).
 *
 * <p>Every step is all-or-nothing: updates for all groups are computed first and stored only if all succeed,
 * so an exception mid-step leaves parameters and state as they were.
 */
public class Optimizer {
    private final GradientTransformation impl;
    private final List<List<ParamRef>> groups = new ArrayList<>();
    private List<OptState> states = new ArrayList<>();

    /**
     * An optimizer over stand-alone parameters (one param group).
     *
     * @throws IllegalArgumentException see {@link #addParamGroup(Iterable)}
     */
    public Optimizer(Iterable<Tensor> params, GradientTransformation impl) {
        this.impl = Objects.requireNonNull(impl, "impl");
        addParamGroup(params);
    }

    /**
     * An optimizer over {@code module}'s parameters (one param group), updated through the module.
     *
     * @throws IllegalArgumentException see {@link #addParamGroup(Module)}
     */
    public Optimizer(Module module, GradientTransformation impl) {
        this.impl = Objects.requireNonNull(impl, "impl");
        addParamGroup(module);
    }

    /**
     * Adds a param group of stand-alone tensors with its own state {@code impl.init(params)}
     * ({@code add_param_group}).
     *
     * @throws IllegalArgumentException when the group is empty, holds a non-leaf or non-floating tensor, or a
     *                                  tensor already optimized (in this or another group)
     */
    public final void addParamGroup(Iterable<Tensor> params) {
        Objects.requireNonNull(params, "params");
        List<ParamRef> refs = new ArrayList<>();
        List<Tensor> seen = new ArrayList<>();
        for (Tensor t : params) {
            Objects.requireNonNull(t, "a parameter is null");
            for (Tensor s : seen) {
                if (s == t) {
                    throw new IllegalArgumentException("addParamGroup: a tensor appears twice in the group");
                }
            }
            for (Tensor s : params()) {
                if (s == t) {
                    throw new IllegalArgumentException("addParamGroup: some parameters appear in more than one parameter group");
                }
            }
            seen.add(t);
            refs.add(ParamRef.of(t));
        }
        add(refs);
    }

    /**
     * Adds {@code module}'s parameters as a param group, updated through {@link Module#setParameter}.
     *
     * @throws IllegalArgumentException when the module has no parameters, a parameter is not a floating-point
     *                                  leaf, or one is already optimized by this optimizer
     */
    public final void addParamGroup(Module module) {
        Objects.requireNonNull(module, "module");
        List<ParamRef> refs = new ArrayList<>();
        for (String name : module.namedParameters().keySet()) {
            ParamRef r = ParamRef.of(module, name);
            for (List<ParamRef> g : groups) {
                for (ParamRef o : g) {
                    if (o.sameSlot(r)) {
                        throw new IllegalArgumentException("addParamGroup: parameter " + name + " appears in more than one parameter group");
                    }
                }
            }
            refs.add(r);
        }
        add(refs);
    }

    private void add(List<ParamRef> refs) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("addParamGroup: optimizer got an empty parameter list");
        }
        List<Tensor> values = new ArrayList<>();
        for (ParamRef r : refs) {
            Tensor t = r.get();
            if (!t.isLeaf()) {
                throw new IllegalArgumentException("addParamGroup: can't optimize a non-leaf tensor (" + r + ")");
            }
            if (!t.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("addParamGroup: can't optimize a " + t.dtype() + " tensor (" + r + ")");
            }
            values.add(t);
        }
        OptState state = impl.init(values);
        groups.add(List.copyOf(refs));
        states.add(state);
    }

    /** The current parameter tensors of every group, in order (new objects after each step). */
    public List<Tensor> params() {
        List<Tensor> out = new ArrayList<>();
        for (List<ParamRef> g : groups) {
            for (ParamRef r : g) {
                out.add(r.get());
            }
        }
        return out;
    }

    /** The current parameter tensors of each group. */
    public List<List<Tensor>> paramGroups() {
        List<List<Tensor>> out = new ArrayList<>();
        for (List<ParamRef> g : groups) {
            out.add(current(g));
        }
        return out;
    }

    /** {@link #zeroGrad(boolean)} with TorchOpt's default {@code set_to_none=False}. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /**
     * Clears every parameter's gradient ({@code zero_grad}): null when {@code setToNone}, else a zero tensor
     * (left null when there was none, as torch does).
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params()) {
            if (p.grad() != null) {
                p.setGrad(setToNone ? null : Tensor.zerosLike(p));
            }
        }
    }

    /** {@link #step(Supplier)} without a closure; returns null. */
    public Tensor step() {
        return step(null);
    }

    /**
     * One optimization step ({@code step(closure)}). The closure, when given, is run first with grad enabled
     * (it usually zeroes gradients, computes the loss and calls {@code backward}); its loss is returned.
     *
     * @return the closure's loss, or null without closure
     * @throws IllegalStateException when a parameter has no gradient (naming it); nothing changes then, nor
     *                               when the transformation throws
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss = null;
        if (closure != null) {
            try (GradMode.Scope scope = GradMode.enableGrad()) {
                loss = closure.get();
            }
        }
        List<List<Tensor>> newParams = new ArrayList<>();
        List<OptState> newStates = new ArrayList<>();
        // the update of a classic optimizer is not part of any graph
        try (GradMode.Scope scope = GradMode.noGrad()) {
            for (int g = 0; g < groups.size(); g++) {
                List<Tensor> params = current(groups.get(g));
                List<Tensor> grads = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    Tensor grad = params.get(i).grad();
                    if (grad == null) {
                        throw new IllegalStateException("Optimizer.step: parameter " + groups.get(g).get(i) + " of group " + g
                                + " has no gradient; call backward() first (or zeroGrad(false) for a zero gradient)");
                    }
                    grads.add(grad.detach());
                }
                GradientTransformation.Update u = impl.update(grads, states.get(g), params, true);
                List<Tensor> updated = Updates.applyUpdates(params, u.updates(), true);
                List<Tensor> leaves = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    Tensor old = params.get(i);
                    Tensor leaf = updated.get(i).detach();
                    if (old.requiresGrad()) {
                        leaf.requiresGrad(true);
                    }
                    leaf.setGrad(old.grad());
                    leaves.add(leaf);
                }
                newParams.add(leaves);
                newStates.add(StateTensors.map(u.state(), Tensor::detach));
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < groups.get(g).size(); i++) {
                groups.get(g).get(i).set(newParams.get(g).get(i));
            }
        }
        states = newStates;
        return loss;
    }

    /** The optimizer states, one per param group ({@code state_dict()}); states are immutable records. */
    public List<OptState> stateDict() {
        return List.copyOf(states);
    }

    /**
     * Replaces the optimizer states ({@code load_state_dict}).
     *
     * @throws IllegalArgumentException when the number of states differs from the number of groups, or a
     *                                  state's structure (record types, tensor shapes) differs from the
     *                                  current one; checked before anything changes
     */
    public void loadStateDict(List<? extends OptState> stateDict) {
        Objects.requireNonNull(stateDict, "stateDict");
        if (stateDict.size() != states.size()) {
            throw new IllegalArgumentException("Optimizer.loadStateDict: " + stateDict.size() + " states for " + states.size() + " param groups");
        }
        for (int g = 0; g < states.size(); g++) {
            String want = StateTensors.signature(states.get(g));
            String got = StateTensors.signature(stateDict.get(g));
            if (!want.equals(got)) {
                throw new IllegalArgumentException("Optimizer.loadStateDict: state " + g + " has structure " + got + ", expected " + want);
            }
        }
        states = new ArrayList<>(stateDict);
    }

    /** The gradient transformation this optimizer applies. */
    public GradientTransformation impl() {
        return impl;
    }

    private static List<Tensor> current(List<ParamRef> group) {
        List<Tensor> out = new ArrayList<>(group.size());
        for (ParamRef r : group) {
            out.add(r.get());
        }
        return out;
    }
}
