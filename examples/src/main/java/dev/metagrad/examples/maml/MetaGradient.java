package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * The forward values and the meta-gradient of one meta-iteration, before the outer step.
 *
 * @param metaLoss   {@code (1/T) sum_t Lq_t}
 * @param tasks      each task's adaptation, query loss and gradient, in task order
 * @param grads      {@code G = d metaLoss / d theta}, in parameter order, detached
 */
public record MetaGradient(double metaLoss, List<TaskResult> tasks, List<Tensor> grads) {
    /** The query loss of each task, in task order. */
    public double[] queryLosses() {
        return tasks.stream().mapToDouble(TaskResult::queryLoss).toArray();
    }
}
