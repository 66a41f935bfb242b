package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.examples.maml.Adaptation;
import dev.metagrad.examples.maml.InnerLoop;
import dev.metagrad.examples.maml.MetaGradient;
import dev.metagrad.examples.maml.SineTask;
import dev.metagrad.examples.maml.TaskResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The iMAML meta-gradient over a meta-batch: for each task the adapted parameters {@code φ*_t(θ)} of a
 * {@link ProximalAdaptation}, the query loss {@code L_q,t(φ*_t)}, and its implicit gradient with respect to
 * θ; the meta-loss is {@code (1/T) Σ_t L_q,t}.
 */
public final class ImamlLearner {
    private final ProximalAdaptation adaptation;

    /** A learner with the given settings. */
    public ImamlLearner(ImamlConfig config) {
        this.adaptation = new ProximalAdaptation(config);
    }

    /** The task adaptation. */
    public ProximalAdaptation adaptation() {
        return adaptation;
    }

    /**
     * The meta-loss and its gradient at {@code theta} over {@code batch}.
     *
     * @param theta the meta-parameters (their values are used; they need not require grad)
     * @throws IllegalArgumentException for an empty batch
     */
    public MetaGradient metaGradient(List<Tensor> theta, List<SineTask> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("ImamlLearner: empty meta-batch");
        }
        List<TaskResult> results = new ArrayList<>(batch.size());
        for (SineTask task : batch) {
            results.add(TaskResult.differentiate(theta, task, adaptation::adapt));
        }
        return MetaGradient.mean(results);
    }

    /**
     * Adapts to a task for evaluation or plotting: {@code φ*} with no graph back to θ.
     */
    public Adaptation adaptDetached(List<Tensor> theta, SineTask task) {
        List<Tensor> detached = new ArrayList<>(theta.size());
        for (Tensor p : theta) {
            detached.add(p.detach());
        }
        return adaptation.adapt(detached, task);
    }

    /**
     * Meta-test losses over {@code tasks}: the mean query MSE of θ itself (before adaptation) and of the
     * adapted {@code φ*} (after).
     *
     * @return {@code {before, after}}
     */
    public double[] evaluate(List<Tensor> theta, List<SineTask> tasks) {
        double before = 0;
        double after = 0;
        for (SineTask task : tasks) {
            Adaptation a = adaptDetached(theta, task);
            try (GradMode.Scope scope = GradMode.noGrad()) {
                before += InnerLoop.loss(theta, task.queryX(), task.queryY()).item();
                after += InnerLoop.loss(a.adapted(), task.queryX(), task.queryY()).item();
            }
        }
        return new double[] {before / tasks.size(), after / tasks.size()};
    }
}
