package dev.metagrad.tree;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * A tree taken apart by {@link Trees#flatten(Object)}: its leaves in flattening order and its structure.
 *
 * @param leaves the tensor leaves, depth first and left to right (unmodifiable)
 * @param def    the structure the leaves go back into
 */
public record Flattened(List<Tensor> leaves, TreeDef def) {
    /**
     * Checks that the leaves fit the structure.
     *
     * @throws IllegalArgumentException when the leaf count differs from {@code def.leafCount()}
     * @throws NullPointerException     when a leaf is null
     */
    public Flattened {
        leaves = List.copyOf(leaves);
        if (leaves.size() != def.leafCount()) {
            throw new IllegalArgumentException("Flattened: structure " + def + " has " + def.leafCount()
                    + " leaves, got " + leaves.size());
        }
    }

    /** The tree again: {@code def().unflatten(leaves())}. */
    public <T> T unflatten() {
        return def.unflatten(leaves);
    }
}
