package dev.metagrad.autograd.engine;

import dev.metagrad.autograd.Tensor;

/**
 * The vector-Jacobian product of one recorded op: given the gradient of the loss with respect to the
 * op's output, the gradients with respect to each input, in input order ({@code null} for inputs that get
 * none). Written with public {@link Tensor} ops, so that when the engine runs it with recording enabled
 * (createGraph) the result is itself differentiable.
 */
@FunctionalInterface
public interface Backward {
    /** Gradients with respect to the op's inputs, one slot per input. */
    Tensor[] apply(Tensor gradOutput);
}
