package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One task's share of a meta-iteration.
 *
 * @param adaptation the task's inner loop
 * @param queryLoss  {@code Lq}, the query MSE at the adapted parameters
 * @param grads      {@code d Lq / d theta} (not yet divided by the number of tasks), detached
 */
public record TaskResult(Adaptation adaptation, double queryLoss, List<Tensor> grads) {
    /**
     * One task of a meta-batch: adapts a private leaf copy {@code θ'} of {@code theta} with {@code adapt}, takes
     * the query loss {@code Lq = MSE(φ(θ'))} on the task's query set and {@code dLq/dθ'}. Recording is forced on,
     * as it is per thread and a pool thread starts with the default; the adapted parameters come back detached.
     *
     * @param theta the meta-parameters (their values are used; they need not require grad)
     * @param adapt the task adaptation, {@code (θ', task) -> φ}
     */
    public static TaskResult differentiate(List<Tensor> theta, SineTask task,
                                           BiFunction<List<Tensor>, SineTask, Adaptation> adapt) {
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            List<Tensor> leaves = new ArrayList<>(theta.size());
            for (Tensor p : theta) {
                leaves.add(p.detach().requiresGrad(true));
            }
            Adaptation a = adapt.apply(leaves, task);
            Tensor lq = InnerLoop.loss(a.adapted(), task.queryX(), task.queryY());
            Tensor[] g = Autograd.gradOf(lq).inputs(leaves).compute();
            List<Tensor> adapted = new ArrayList<>(a.adapted().size());
            for (Tensor p : a.adapted()) {
                adapted.add(p.detach());
            }
            return new TaskResult(new Adaptation(List.copyOf(adapted), a.innerLosses()), lq.item(), List.of(g));
        }
    }
}
