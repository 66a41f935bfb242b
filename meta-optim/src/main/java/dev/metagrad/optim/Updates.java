package dev.metagrad.optim;

import dev.metagrad.tree.TreeMath;

/** Applies updates to parameters: TorchOpt's {@code apply_updates}. */
public final class Updates {
    private Updates() {
    }

    /**
     * {@code p + u} for every leaf (differentiable in both).
     *
     * @throws IllegalArgumentException when the trees' structures or leaf shapes differ
     */
    public static <T> T applyUpdates(T params, Object updates) {
        @SuppressWarnings("unchecked")
        T u = (T) updates;
        return TreeMath.add(params, u);
    }

    /**
     * {@code p + u} for every leaf; {@code inplace} is accepted for TorchOpt parity only. metagrad tensors are
     * immutable, so this always returns new tensors and leaves {@code params} untouched.
     */
    public static <T> T applyUpdates(T params, Object updates, boolean inplace) {
        return applyUpdates(params, updates);
    }
}
