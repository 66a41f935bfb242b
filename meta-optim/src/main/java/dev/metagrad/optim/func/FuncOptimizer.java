package dev.metagrad.optim.func;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;
import dev.metagrad.optim.meta.StateTensors;
import dev.metagrad.tree.Trees;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Holds the state of a functional optimizer: TorchOpt's {@code torchopt.FuncOptimizer(impl, inplace=False)}.
 * One {@link #step(Tensor, Object)} computes
 * <pre>
 *   g = ∂loss/∂params   (create_graph = true; a leaf the loss does not use gets a zero gradient)
 *   (u, state) = impl.update(g, state, params);   return params + u
 * </pre>
 * The state is initialised lazily from the parameters of the first step, as in TorchOpt. metagrad tensors are
 * immutable, so {@code inplace} never modifies the given tensors: the new parameters are always returned as a
 * new tree (which is what TorchOpt returns too); the flag is passed on to the transformation for parity.
 */
public final class FuncOptimizer {
    private final GradientTransformation impl;
    private final boolean inplace;
    private OptState state;

    /** {@code FuncOptimizer(impl, inplace = false)}. */
    public FuncOptimizer(GradientTransformation impl) {
        this(impl, false);
    }

    /**
     * A wrapper around {@code impl}.
     *
     * @param inplace the default {@code inplace} flag of {@link #step(Tensor, Object)}
     * @throws NullPointerException when {@code impl} is null
     */
    public FuncOptimizer(GradientTransformation impl, boolean inplace) {
        this.impl = Objects.requireNonNull(impl, "impl");
        this.inplace = inplace;
    }

    /** {@link #step(Tensor, Object, Boolean)} with the constructor's {@code inplace}. */
    public <T> T step(Tensor loss, T params) {
        return step(loss, params, null);
    }

    /**
     * One differentiable step: returns the new parameter tree (same structure as {@code params}).
     *
     * @param inplace overrides the constructor's flag when not null
     * @throws IllegalArgumentException when {@code loss} does not hold one element or {@code params} has no
     *                                  leaves
     * @throws IllegalStateException when a leaf does not require grad; the state is unchanged then, and also
     *                               when the transformation throws
     */
    public <T> T step(Tensor loss, T params, Boolean inplace) {
        Objects.requireNonNull(loss, "loss");
        if (loss.numel() != 1) {
            throw new IllegalArgumentException("FuncOptimizer.step: loss must hold one element, got shape " + Arrays.toString(loss.shape()));
        }
        List<Tensor> leaves = Trees.leaves(params);
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("FuncOptimizer.step: params has no tensors");
        }
        for (int i = 0; i < leaves.size(); i++) {
            if (!leaves.get(i).requiresGrad()) {
                throw new IllegalStateException("FuncOptimizer.step: parameter leaf " + i + " does not require grad");
            }
        }
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            Tensor[] grads = Autograd.gradOf(loss).inputs(leaves).createGraph(true).allowUnused(true).materializeGrads(true).compute();
            Object gradTree = Trees.structure(params).unflatten(List.of(grads));
            OptState current = state != null ? state : impl.init(params);
            GradientTransformation.Update u = impl.update(gradTree, current, params, inplace != null ? inplace : this.inplace);
            T next = Updates.applyUpdates(params, u.updates());
            state = u.state();
            return next;
        }
    }

    /** The optimizer state, or null before the first step ({@code state_dict()}; the object itself, states are immutable). */
    public OptState stateDict() {
        return state;
    }

    /**
     * Replaces the optimizer state ({@code load_state_dict}); null makes it uninitialised again.
     *
     * @throws IllegalArgumentException when a state is held and the new one has another structure
     */
    public void loadStateDict(OptState stateDict) {
        if (state != null && stateDict != null && !StateTensors.signature(state).equals(StateTensors.signature(stateDict))) {
            throw new IllegalArgumentException("FuncOptimizer.loadStateDict: state has structure " + StateTensors.signature(stateDict)
                    + ", expected " + StateTensors.signature(state));
        }
        state = stateDict;
    }
}
