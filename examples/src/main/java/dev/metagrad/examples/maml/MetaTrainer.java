package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * The MAML outer loop: each {@link #step} computes the meta-gradient of one meta-batch at the current
 * theta and takes exactly one outer optimizer step.
 */
public final class MetaTrainer {
    private final MetaLearner learner;
    private final OuterOptimizer optimizer;
    private List<Tensor> theta;

    /**
     * A trainer starting from {@code theta0}.
     *
     * @param learner   computes meta-gradients (the trainer does not close it)
     * @param optimizer the outer optimizer, with fresh state
     * @param theta0    the initial meta-parameters
     */
    public MetaTrainer(MetaLearner learner, OuterOptimizer optimizer, List<Tensor> theta0) {
        this.learner = learner;
        this.optimizer = optimizer;
        this.theta = List.copyOf(theta0);
    }

    /** The current meta-parameters. */
    public List<Tensor> theta() {
        return theta;
    }

    /**
     * One meta-iteration on {@code batch}.
     *
     * @return the meta-loss and gradient at the parameters before this step's update
     */
    public MetaGradient step(List<SineTask> batch) {
        MetaGradient g = learner.metaGradient(theta, batch);
        theta = optimizer.step(theta, g.grads());
        return g;
    }
}
