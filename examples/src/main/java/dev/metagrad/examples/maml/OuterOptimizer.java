package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * The seam between MAML and its outer optimizer: one stateful step from the meta-gradient. Keeping it
 * this small is what lets the outer update come from {@code meta-optim}'s Adam or a local copy alike.
 */
public interface OuterOptimizer {
    /**
     * One update.
     *
     * @param params the current meta-parameters, in order
     * @param grads  the meta-gradient, same order and shapes
     * @return the new meta-parameters, as leaves that require grad, in the same order
     */
    List<Tensor> step(List<Tensor> params, List<Tensor> grads);
}
