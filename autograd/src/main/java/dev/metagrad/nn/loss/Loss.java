package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;

/**
 * A loss as an object ({@code torch.nn} loss modules): settings fixed at construction, applied to an
 * input and a target. Implementations are immutable and thread-safe, and have no parameters.
 */
@FunctionalInterface
public interface Loss {
    /** The loss of {@code input} against {@code target}, differentiable to any order in the input. */
    Tensor forward(Tensor input, Tensor target);
}
