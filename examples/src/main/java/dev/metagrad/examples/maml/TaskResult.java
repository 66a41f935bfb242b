package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * One task's share of a meta-iteration.
 *
 * @param adaptation the task's inner loop
 * @param queryLoss  {@code Lq}, the query MSE at the adapted parameters
 * @param grads      {@code d Lq / d theta} (not yet divided by the number of tasks), detached
 */
public record TaskResult(Adaptation adaptation, double queryLoss, List<Tensor> grads) {
}
