package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;

/**
 * {@code u = (multiplier · s) · g} with a 0-dim tensor {@code s}; differentiable in {@code s}, so a learned step
 * size (such as a meta-learned inner learning rate, with {@code multiplier = −1}) receives a gradient through the
 * updates. {@code multiplier · s} is recomputed on every update, so each update records its own graph and the
 * transformation can be reused across any number of backward passes.
 */
public final class ScaleByTensor extends StatelessTransformation {
    private final Tensor factor;
    private final double multiplier;

    /**
     * Scales by {@code multiplier · factor}.
     *
     * @throws IllegalArgumentException when {@code factor} is null or not 0-dim
     */
    public ScaleByTensor(Tensor factor, double multiplier) {
        if (factor == null || factor.dim() != 0) {
            throw new IllegalArgumentException("scale: factor must be a 0-dim tensor, got "
                    + (factor == null ? "null" : "shape " + java.util.Arrays.toString(factor.shape())));
        }
        this.factor = factor;
        this.multiplier = multiplier;
    }

    @Override
    Object apply(Object updates, Object params) {
        Tensor s = factor.mul(multiplier);
        return Trees.map(updates, g -> g.mul(s));
    }
}
