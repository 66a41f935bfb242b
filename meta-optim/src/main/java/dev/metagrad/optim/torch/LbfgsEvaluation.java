package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.Objects;

/**
 * One evaluation of an {@link LbfgsObjective} at a flat point x: the loss f(x) (a one-element tensor) and the
 * flat gradient ∇f(x) (same shape as x). Both may carry a graph when L-BFGS is run differentiably.
 *
 * @param loss     f(x)
 * @param flatGrad ∇f(x), a vector of x's length
 */
public record LbfgsEvaluation(Tensor loss, Tensor flatGrad) {
    /** Requires both tensors. */
    public LbfgsEvaluation {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(flatGrad, "flatGrad");
    }
}
