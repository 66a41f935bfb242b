package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#adagrad}, mirroring TorchOpt {@code adagrad}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code AdagradOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-2)
 * @param lrDecay step t is scaled by 1 / (1 + lr_decay·(t − 1)) (default 0.0)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param initialAccumulatorValue starting value of the sum of squares (default 0.0)
 * @param eps added to the denominator outside the square root (default 1e-10)
 * @param maximize maximize the objective instead of minimizing (default false)
 */
public record AdagradOptions(LearningRate lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps, boolean maximize) {
    /** TorchOpt's defaults. */
    public static AdagradOptions defaults() {
        return new AdagradOptions(LearningRate.of(1e-2), 0.0, 0.0, 0.0, 1e-10, false);
    }

    /** Same options with another learning rate. */
    public AdagradOptions lr(LearningRate value) {
        return new AdagradOptions(value, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with a fixed learning rate. */
    public AdagradOptions lr(double value) {
        return new AdagradOptions(LearningRate.of(value), lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public AdagradOptions lr(Schedule value) {
        return new AdagradOptions(LearningRate.of(value), lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public AdagradOptions lr(Tensor value) {
        return new AdagradOptions(LearningRate.of(value), lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with another {@code lr_decay}. */
    public AdagradOptions lrDecay(double value) {
        return new AdagradOptions(lr, value, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with another {@code weight_decay}. */
    public AdagradOptions weightDecay(double value) {
        return new AdagradOptions(lr, lrDecay, value, initialAccumulatorValue, eps, maximize);
    }

    /** Same options with another {@code initial_accumulator_value}. */
    public AdagradOptions initialAccumulatorValue(double value) {
        return new AdagradOptions(lr, lrDecay, weightDecay, value, eps, maximize);
    }

    /** Same options with another {@code eps}. */
    public AdagradOptions eps(double value) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, value, maximize);
    }

    /** Same options with another {@code maximize}. */
    public AdagradOptions maximize(boolean value) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, value);
    }

}
