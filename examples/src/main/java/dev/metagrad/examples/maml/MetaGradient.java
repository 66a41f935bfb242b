package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward values and the meta-gradient of one meta-iteration, before the outer step.
 *
 * @param metaLoss   {@code (1/T) sum_t Lq_t}
 * @param tasks      each task's adaptation, query loss and gradient, in task order
 * @param grads      {@code G = d metaLoss / d theta}, in parameter order, detached
 */
public record MetaGradient(double metaLoss, List<TaskResult> tasks, List<Tensor> grads) {
    /**
     * The mean over the tasks, as torch's {@code stack(Lq).mean()}: {@code metaLoss = (1/T) sum_t Lq_t} and
     * {@code G = (1/T) sum_t dLq_t/dtheta}, summed in task order (so the bits do not depend on which thread ran
     * which task).
     *
     * @param tasks the tasks' results, in task order
     * @throws IllegalArgumentException for no tasks
     */
    public static MetaGradient mean(List<TaskResult> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("MetaGradient.mean: no tasks");
        }
        double lossSum = 0;
        List<Tensor> sum = new ArrayList<>(tasks.get(0).grads());
        for (int t = 0; t < tasks.size(); t++) {
            lossSum += tasks.get(t).queryLoss();
            for (int i = 0; t > 0 && i < sum.size(); i++) {
                sum.set(i, sum.get(i).add(tasks.get(t).grads().get(i)));
            }
        }
        // 1/T only here: the inner loop uses per-task means untouched
        double count = tasks.size();
        List<Tensor> grads = new ArrayList<>(sum.size());
        for (Tensor g : sum) {
            grads.add(g.div(count));
        }
        return new MetaGradient(lossSum / count, List.copyOf(tasks), List.copyOf(grads));
    }

    /** The query loss of each task, in task order. */
    public double[] queryLosses() {
        return tasks.stream().mapToDouble(TaskResult::queryLoss).toArray();
    }
}
