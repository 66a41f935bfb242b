package dev.metagrad.conformance;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * Calls one of our ops the way a golden case describes it: the case's input tensors in positional order
 * and its decoded non-tensor arguments.
 */
@FunctionalInterface
public interface OpAdapter {
    /**
     * Computes the op's output.
     *
     * @param inputs the case's inputs, in order; differentiable ones already require grad
     * @param args   the case's {@code args}; read every argument the op takes
     * @return the forward result, recorded in the autograd graph
     */
    Tensor apply(List<Tensor> inputs, OpArgs args);
}
