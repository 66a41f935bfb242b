package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#rmsprop}, mirroring TorchOpt {@code rmsprop}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code RmsPropOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-2)
 * @param alpha decay rate of the running averages (default 0.99)
 * @param eps added to the denominator outside the square root (default 1e-8)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param momentum momentum factor (0: no momentum) (default 0.0)
 * @param centered divide by the running standard deviation instead of the RMS (default false)
 * @param initialScale starting value of the running average of squares (default 0.0)
 * @param nesterov Nesterov momentum (default false)
 * @param maximize maximize the objective instead of minimizing (default false)
 */
public record RmsPropOptions(LearningRate lr, double alpha, double eps, double weightDecay, double momentum, boolean centered, double initialScale, boolean nesterov, boolean maximize) {
    /** TorchOpt's defaults. */
    public static RmsPropOptions defaults() {
        return new RmsPropOptions(LearningRate.of(1e-2), 0.99, 1e-8, 0.0, 0.0, false, 0.0, false, false);
    }

    /** Same options with another learning rate. */
    public RmsPropOptions lr(LearningRate value) {
        return new RmsPropOptions(value, alpha, eps, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with a fixed learning rate. */
    public RmsPropOptions lr(double value) {
        return new RmsPropOptions(LearningRate.of(value), alpha, eps, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public RmsPropOptions lr(Schedule value) {
        return new RmsPropOptions(LearningRate.of(value), alpha, eps, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public RmsPropOptions lr(Tensor value) {
        return new RmsPropOptions(LearningRate.of(value), alpha, eps, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code alpha}. */
    public RmsPropOptions alpha(double value) {
        return new RmsPropOptions(lr, value, eps, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code eps}. */
    public RmsPropOptions eps(double value) {
        return new RmsPropOptions(lr, alpha, value, weightDecay, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code weight_decay}. */
    public RmsPropOptions weightDecay(double value) {
        return new RmsPropOptions(lr, alpha, eps, value, momentum, centered, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code momentum}. */
    public RmsPropOptions momentum(double value) {
        return new RmsPropOptions(lr, alpha, eps, weightDecay, value, centered, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code centered}. */
    public RmsPropOptions centered(boolean value) {
        return new RmsPropOptions(lr, alpha, eps, weightDecay, momentum, value, initialScale, nesterov, maximize);
    }

    /** Same options with another {@code initial_scale}. */
    public RmsPropOptions initialScale(double value) {
        return new RmsPropOptions(lr, alpha, eps, weightDecay, momentum, centered, value, nesterov, maximize);
    }

    /** Same options with another {@code nesterov}. */
    public RmsPropOptions nesterov(boolean value) {
        return new RmsPropOptions(lr, alpha, eps, weightDecay, momentum, centered, initialScale, value, maximize);
    }

    /** Same options with another {@code maximize}. */
    public RmsPropOptions maximize(boolean value) {
        return new RmsPropOptions(lr, alpha, eps, weightDecay, momentum, centered, initialScale, nesterov, value);
    }

}
