package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#adadelta}, mirroring TorchOpt {@code adadelta}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code AdadeltaOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-3)
 * @param rho decay rate of the running averages (default 0.9)
 * @param eps added to both running averages under the square root (default 1e-6)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param momentRequiresGrad whether the moments start as tensors requiring grad (default false)
 */
public record AdadeltaOptions(LearningRate lr, double rho, double eps, double weightDecay, boolean momentRequiresGrad) {
    /** TorchOpt's defaults. */
    public static AdadeltaOptions defaults() {
        return new AdadeltaOptions(LearningRate.of(1e-3), 0.9, 1e-6, 0.0, false);
    }

    /** Same options with another learning rate. */
    public AdadeltaOptions lr(LearningRate value) {
        return new AdadeltaOptions(value, rho, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a fixed learning rate. */
    public AdadeltaOptions lr(double value) {
        return new AdadeltaOptions(LearningRate.of(value), rho, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public AdadeltaOptions lr(Schedule value) {
        return new AdadeltaOptions(LearningRate.of(value), rho, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public AdadeltaOptions lr(Tensor value) {
        return new AdadeltaOptions(LearningRate.of(value), rho, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code rho}. */
    public AdadeltaOptions rho(double value) {
        return new AdadeltaOptions(lr, value, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code eps}. */
    public AdadeltaOptions eps(double value) {
        return new AdadeltaOptions(lr, rho, value, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code weight_decay}. */
    public AdadeltaOptions weightDecay(double value) {
        return new AdadeltaOptions(lr, rho, eps, value, momentRequiresGrad);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public AdadeltaOptions momentRequiresGrad(boolean value) {
        return new AdadeltaOptions(lr, rho, eps, weightDecay, value);
    }

}
