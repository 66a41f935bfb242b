package dev.metagrad.linearsolve;

/**
 * A matrix-free linear operator on tensor trees: {@code x ↦ A x}. The tree structure of the result equals that
 * of {@code x} (the operator is square). Implementations are built from differentiable tensor ops, so a solve
 * that only calls {@link #apply} can itself be differentiated.
 */
@FunctionalInterface
public interface LinearOperator {
    /**
     * Applies the operator.
     *
     * @param x a tree of tensors (see {@link dev.metagrad.tree.Trees})
     * @return {@code A x}, a tree shaped like {@code x}
     */
    Object apply(Object x);
}
