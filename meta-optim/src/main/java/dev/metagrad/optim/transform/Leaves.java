package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.OptState;
import dev.metagrad.tree.Trees;

import java.util.List;

/** Helpers shared by the transformations: state type checks and leaf lists that must line up. */
final class Leaves {
    private Leaves() {
    }

    /**
     * The state cast to the type the transformation made in {@code init}.
     *
     * @throws IllegalArgumentException when it is another transformation's state
     */
    static <S extends OptState> S state(String who, OptState state, Class<S> type) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException(who + ": expected a " + type.getSimpleName() + " (from init), got "
                    + (state == null ? "null" : state.getClass().getSimpleName()));
        }
        return type.cast(state);
    }

    /**
     * The leaves of {@code tree}, which must have {@code count} of them (a state or params tree that goes with
     * the updates).
     *
     * @throws IllegalArgumentException when the leaf counts differ
     */
    static List<Tensor> matching(String who, String what, Object tree, int count) {
        List<Tensor> leaves = Trees.leaves(tree);
        if (leaves.size() != count) {
            throw new IllegalArgumentException(who + ": " + what + " has " + leaves.size()
                    + " leaves but the updates have " + count);
        }
        return leaves;
    }
}
