package dev.metagrad.optim;

/**
 * An optax/TorchOpt gradient transformation: {@code (updates, state, params) -> (newUpdates, newState)}.
 *
 * <p>Trees are nested {@link java.util.List}s, String-keyed {@link java.util.Map}s or records of
 * {@link dev.metagrad.autograd.Tensor} leaves (see {@link dev.metagrad.tree.Trees}); {@code null} is the empty
 * tree. Everything is computed with differentiable tensor ops, so an update can be differentiated again.
 */
public interface GradientTransformation {
    /**
     * The initial state for parameters shaped like {@code params}.
     *
     * @param params the parameter tree (only shapes and dtypes are used by most transformations)
     */
    OptState init(Object params);

    /**
     * Transforms {@code updates} (usually gradients) and advances the state.
     *
     * @param updates the incoming updates, a tree shaped like the parameters
     * @param state   the state returned by {@link #init} or by a previous {@code update}
     * @param params  the current parameters (needed by weight-decay pieces; may be null for the others)
     * @param inplace accepted for TorchOpt parity: metagrad tensors are immutable, so the result is always a
     *                new tree and no argument is modified, whatever the flag says
     * @return the transformed updates and the new state
     */
    Update update(Object updates, OptState state, Object params, boolean inplace);

    /** {@link #update(Object, OptState, Object, boolean)} with {@code inplace = false}. */
    default Update update(Object updates, OptState state, Object params) {
        return update(updates, state, params, false);
    }

    /**
     * The result of {@link #update}.
     *
     * @param updates the transformed updates, shaped like the incoming ones
     * @param state   the new state
     */
    record Update(Object updates, OptState state) {
    }
}
