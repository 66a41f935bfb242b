package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Module;
import dev.metagrad.tree.Trees;

import java.util.List;
import java.util.Map;

/**
 * TorchOpt's {@code stop_gradient}: cuts the autograd history of a module, a meta-optimizer, an optimizer
 * state or a tree of tensors, so that a long meta-training loop does not keep every earlier step's graph
 * reachable (TorchOpt issue 218: a MetaAdam state that is never detached grows the heap every step).
 *
 * <p>What "in place" means differs by target, because metagrad tensors are immutable:
 * <ul>
 *   <li>{@link Module}: changed in place. Every parameter produced by an op is replaced <em>in the module</em>
 *       by a detached leaf with the same {@code requiresGrad}, every such buffer by a detached tensor, so the
 *       module's next forward starts a fresh graph. Parameters and buffers that are already leaves are kept
 *       as they are (same object, same {@code grad()}): detaching a leaf would only lose its identity, which
 *       an outer optimizer holding {@code module.parameters()} relies on.</li>
 *   <li>{@link Detachable} (a meta-optimizer, say): its own {@link Detachable#stopGradient()} is called.</li>
 *   <li>A tree ({@link Tensor}, {@link List}, String-keyed {@link Map}, record, null) or an {@link OptState}
 *       record: <strong>not mutated</strong>; a new tree of the same structure is returned and the caller must
 *       use it in place of the old one (e.g. {@code state = StopGradient.stopGradient(state)}). As in TorchOpt,
 *       each tensor keeps its {@code requiresGrad}: a tensor produced by an op becomes a leaf that requires
 *       grad, so detached meta-parameters can be differentiated again. Leaves are returned unchanged.</li>
 * </ul>
 */
public final class StopGradient {
    private StopGradient() {
    }

    /**
     * Stops the gradient for {@code target} (see the class documentation for what is replaced where).
     *
     * @param target a {@link Module}, a {@link Detachable}, an {@link OptState}, or a tree of tensors
     * @param <T>    the target's type
     * @return for a module or a detachable, {@code target} itself (changed in place); for a tree or a state,
     *         the new detached tree (the argument is left untouched)
     * @throws IllegalArgumentException naming the type when {@code target}, or a node inside the tree, is
     *                                  none of the supported kinds
     */
    public static <T> T stopGradient(T target) {
        if (target instanceof Module module) {
            detachModule(module);
            return target;
        }
        if (target instanceof Detachable detachable) {
            detachable.stopGradient();
            return target;
        }
        if (target == null || target instanceof Tensor || target instanceof List<?> || target instanceof Map<?, ?>
                || target instanceof Record) {
            try {
                return Trees.map(target, StopGradient::cut);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stopGradient: " + target.getClass().getName()
                        + " is not a tree of tensors: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("stopGradient: unsupported target type " + target.getClass().getName()
                + "; expected a Module, a Detachable (e.g. a meta-optimizer), an OptState record or a tree of"
                + " tensors (Tensor, List, Map<String, ?>, record)");
    }

    /**
     * A leaf with {@code t}'s values and {@code requiresGrad}; leaves are returned as they are. Non-leaves
     * always require grad and are floating point, so {@code requiresGrad(true)} cannot fail on them.
     */
    static Tensor cut(Tensor t) {
        if (t.isLeaf()) {
            return t;
        }
        return t.detach().requiresGrad(t.requiresGrad());
    }

    private static void detachModule(Module module) {
        // setParameter replaces a tied tensor under all its names, so a later name of it sees a leaf and is skipped
        for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            if (!p.isLeaf()) {
                module.setParameter(e.getKey(), cut(p));
            }
        }
        for (Map.Entry<String, Tensor> e : module.namedBuffers().entrySet()) {
            Tensor b = e.getValue();
            if (!b.isLeaf()) {
                // buffers are state, not parameters: they come back as plain constants
                module.setBuffer(e.getKey(), b.detach());
            }
        }
    }
}
