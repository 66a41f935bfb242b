package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;

/**
 * {@code u = s · g} with a 0-dim tensor {@code s}; differentiable in {@code s}, so a learned step size (such as
 * a meta-learned inner learning rate) receives a gradient through the updates.
 */
public final class ScaleByTensor extends StatelessTransformation {
    private final Tensor factor;

    /**
     * Scales by {@code factor}.
     *
     * @throws IllegalArgumentException when {@code factor} is null or not 0-dim
     */
    public ScaleByTensor(Tensor factor) {
        if (factor == null || factor.dim() != 0) {
            throw new IllegalArgumentException("scale: factor must be a 0-dim tensor, got "
                    + (factor == null ? "null" : "shape " + java.util.Arrays.toString(factor.shape())));
        }
        this.factor = factor;
    }

    @Override
    Object apply(Object updates, Object params) {
        return Trees.map(updates, g -> g.mul(factor));
    }
}
