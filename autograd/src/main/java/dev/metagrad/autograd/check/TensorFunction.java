package dev.metagrad.autograd.check;

import dev.metagrad.autograd.Tensor;

/** A function of tensors with one tensor output, the unit that {@link GradCheck} verifies. */
@FunctionalInterface
public interface TensorFunction {
    /** Computes the output from the inputs, recording the graph as usual. */
    Tensor apply(Tensor... inputs);
}
