package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#sgd}, mirroring TorchOpt {@code sgd}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code SgdOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (required: TorchOpt's sgd has no default) (default none)
 * @param momentum momentum factor (default 0.0)
 * @param dampening dampening of the momentum (not applied on the first step) (default 0.0)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param nesterov Nesterov momentum (needs momentum > 0 and dampening 0) (default false)
 * @param momentRequiresGrad whether the momentum buffer starts as a tensor requiring grad (default false)
 * @param maximize maximize the objective instead of minimizing (default false)
 */
public record SgdOptions(LearningRate lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean momentRequiresGrad, boolean maximize) {
    /** TorchOpt's defaults. */
    public static SgdOptions defaults() {
        return new SgdOptions(null, 0.0, 0.0, 0.0, false, false, false);
    }

    /** Same options with another learning rate. */
    public SgdOptions lr(LearningRate value) {
        return new SgdOptions(value, momentum, dampening, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with a fixed learning rate. */
    public SgdOptions lr(double value) {
        return new SgdOptions(LearningRate.of(value), momentum, dampening, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public SgdOptions lr(Schedule value) {
        return new SgdOptions(LearningRate.of(value), momentum, dampening, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public SgdOptions lr(Tensor value) {
        return new SgdOptions(LearningRate.of(value), momentum, dampening, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with another {@code momentum}. */
    public SgdOptions momentum(double value) {
        return new SgdOptions(lr, value, dampening, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with another {@code dampening}. */
    public SgdOptions dampening(double value) {
        return new SgdOptions(lr, momentum, value, weightDecay, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with another {@code weight_decay}. */
    public SgdOptions weightDecay(double value) {
        return new SgdOptions(lr, momentum, dampening, value, nesterov, momentRequiresGrad, maximize);
    }

    /** Same options with another {@code nesterov}. */
    public SgdOptions nesterov(boolean value) {
        return new SgdOptions(lr, momentum, dampening, weightDecay, value, momentRequiresGrad, maximize);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public SgdOptions momentRequiresGrad(boolean value) {
        return new SgdOptions(lr, momentum, dampening, weightDecay, nesterov, value, maximize);
    }

    /** Same options with another {@code maximize}. */
    public SgdOptions maximize(boolean value) {
        return new SgdOptions(lr, momentum, dampening, weightDecay, nesterov, momentRequiresGrad, value);
    }

}
