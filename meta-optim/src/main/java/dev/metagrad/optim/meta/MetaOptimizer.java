package dev.metagrad.optim.meta;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.optim.Detachable;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A differentiable optimizer that updates a module's parameters out of place: TorchOpt's
 * {@code torchopt.MetaOptimizer}. One {@link #step} computes
 * <pre>
 *   g = ∂loss/∂θ   (create_graph = true)
 *   (u, state) = impl.update(g, state, θ);   θ ← θ + u
 * </pre>
 * and makes the new, non-leaf θ the module's parameters ({@link Module#setParameter}), so a later (outer)
 * loss differentiates through every inner step back to the original leaves θ_0 (second-order MAML).
 *
 * <p>Each {@link #addParamGroup param group} is one module with its own optimizer state. The parameters of
 * a group are the module's {@link Module#namedParameters()} at the time the group was added, by name.
 *
 * <p>{@link #stopGradient()} detaches only the optimizer state; detach the module's parameters separately
 * (replace them with {@code detach().requiresGrad(true)} leaves), as TorchOpt's {@code stop_gradient} does
 * for each object given to it.
 */
public class MetaOptimizer implements Detachable {
    private final GradientTransformation impl;
    private final List<Module> modules = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    private List<OptState> states = new ArrayList<>();

    /**
     * An optimizer for {@code module}'s parameters; its state is {@code impl.init(parameters)}.
     *
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the module has no parameters
     */
    public MetaOptimizer(Module module, GradientTransformation impl) {
        this.impl = Objects.requireNonNull(impl, "impl");
        addParamGroup(module);
    }

    /** The gradient transformation this optimizer applies. */
    public GradientTransformation impl() {
        return impl;
    }

    /**
     * Adds another module whose parameters are updated by {@link #step} with their own state
     * ({@code add_param_group}).
     *
     * @throws IllegalArgumentException when the module has no parameters
     */
    public final void addParamGroup(Module module) {
        Objects.requireNonNull(module, "module");
        List<String> groupNames = new ArrayList<>(module.namedParameters().keySet());
        if (groupNames.isEmpty()) {
            throw new IllegalArgumentException("MetaOptimizer: module " + module.getClass().getSimpleName() + " has no parameters");
        }
        OptState state = impl.init(current(module, groupNames));
        modules.add(module);
        names.add(List.copyOf(groupNames));
        states.add(state);
    }

    /**
     * One differentiable step on {@code loss} for every param group, as described in the class comment. The
     * gradient graph is built even when the caller disabled grad mode (a meta-step is meaningless otherwise).
     * A parameter that {@code loss} does not depend on gets a zero gradient.
     *
     * @throws IllegalArgumentException when {@code loss} does not hold exactly one element
     * @throws IllegalStateException when a parameter does not require grad; nothing changes in that case, nor
     *                               when the transformation throws
     */
    public void step(Tensor loss) {
        Objects.requireNonNull(loss, "loss");
        if (loss.numel() != 1) {
            throw new IllegalArgumentException("MetaOptimizer.step: loss must hold one element, got shape "
                    + java.util.Arrays.toString(loss.shape()));
        }
        List<Tensor> flat = new ArrayList<>();
        List<List<Tensor>> groups = new ArrayList<>();
        for (int g = 0; g < modules.size(); g++) {
            List<Tensor> params = current(modules.get(g), names.get(g));
            for (int i = 0; i < params.size(); i++) {
                if (!params.get(i).requiresGrad()) {
                    throw new IllegalStateException("MetaOptimizer.step: parameter " + names.get(g).get(i) + " of group " + g
                            + " does not require grad, so the loss cannot be differentiated w.r.t. it");
                }
            }
            groups.add(params);
            flat.addAll(params);
        }
        List<List<Tensor>> newParams = new ArrayList<>();
        List<OptState> newStates = new ArrayList<>();
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            Tensor[] grads = Autograd.gradOf(loss).inputs(flat).createGraph(true).allowUnused(true)
                    .materializeGrads(true).compute();
            int offset = 0;
            for (int g = 0; g < groups.size(); g++) {
                List<Tensor> params = groups.get(g);
                List<Tensor> groupGrads = List.of(grads).subList(offset, offset + params.size());
                offset += params.size();
                GradientTransformation.Update u = impl.update(new ArrayList<>(groupGrads), states.get(g), params, false);
                newParams.add(Updates.applyUpdates(params, u.updates()));
                newStates.add(u.state());
            }
        }
        // commit only after every group succeeded, so a failing step changes nothing
        for (int g = 0; g < modules.size(); g++) {
            for (int i = 0; i < names.get(g).size(); i++) {
                modules.get(g).setParameter(names.get(g).get(i), newParams.get(g).get(i));
            }
        }
        states = newStates;
    }

    /**
     * The optimizer states, one per param group ({@code state_dict()}). States are immutable, so these are
     * the very objects the optimizer holds (TorchOpt returns references too).
     */
    public List<OptState> stateDict() {
        return List.copyOf(states);
    }

    /**
     * Replaces the optimizer states ({@code load_state_dict}); the objects are kept by reference.
     *
     * @throws IllegalArgumentException when the number of states differs from the number of param groups, or
     *                                  a state's structure (types, tensor shapes) differs from the current one;
     *                                  nothing changes then
     */
    public void loadStateDict(List<? extends OptState> stateDict) {
        Objects.requireNonNull(stateDict, "stateDict");
        if (stateDict.size() != states.size()) {
            throw new IllegalArgumentException("MetaOptimizer.loadStateDict: " + stateDict.size() + " states for "
                    + states.size() + " param groups");
        }
        for (int g = 0; g < states.size(); g++) {
            String want = StateTensors.signature(states.get(g));
            String got = StateTensors.signature(stateDict.get(g));
            if (!want.equals(got)) {
                throw new IllegalArgumentException("MetaOptimizer.loadStateDict: state " + g + " has structure " + got
                        + ", expected " + want);
            }
        }
        states = new ArrayList<>(stateDict);
    }

    /**
     * Detaches every tensor of the optimizer state (TorchOpt's {@code stop_gradient(optimizer)}): later
     * meta-gradients stop at the current state. The module's parameters are not touched.
     */
    @Override
    public void stopGradient() {
        List<OptState> detached = new ArrayList<>(states.size());
        for (OptState s : states) {
            detached.add(StateTensors.map(s, MetaOptimizer::detachKeepingFlag));
        }
        states = detached;
    }

    /** A leaf with the same data; as TorchOpt's {@code detach_().requires_grad_(requires_grad)} it keeps the flag. */
    private static Tensor detachKeepingFlag(Tensor t) {
        Tensor d = t.detach();
        return t.requiresGrad() ? d.requiresGrad(true) : d;
    }

    /** The modules of the param groups, in order. */
    public List<Module> modules() {
        return List.copyOf(modules);
    }

    private static List<Tensor> current(Module module, List<String> groupNames) {
        List<Tensor> out = new ArrayList<>(groupNames.size());
        for (String n : groupNames) {
            out.add(module.parameter(n));
        }
        return out;
    }
}
