package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#radam}, mirroring TorchOpt {@code radam}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code RAdamOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-3)
 * @param betas moment decay rates (default (0.9, 0.999))
 * @param eps added to the denominator outside the square root (default 1e-6)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param momentRequiresGrad whether the moments start as tensors requiring grad (default false)
 */
public record RAdamOptions(LearningRate lr, Betas betas, double eps, double weightDecay, boolean momentRequiresGrad) {
    /** TorchOpt's defaults. */
    public static RAdamOptions defaults() {
        return new RAdamOptions(LearningRate.of(1e-3), new Betas(0.9, 0.999), 1e-6, 0.0, false);
    }

    /** Same options with another learning rate. */
    public RAdamOptions lr(LearningRate value) {
        return new RAdamOptions(value, betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a fixed learning rate. */
    public RAdamOptions lr(double value) {
        return new RAdamOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public RAdamOptions lr(Schedule value) {
        return new RAdamOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public RAdamOptions lr(Tensor value) {
        return new RAdamOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with other betas. */
    public RAdamOptions betas(Betas value) {
        return new RAdamOptions(lr, value, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with betas {@code (b1, b2)}. */
    public RAdamOptions betas(double b1, double b2) {
        return new RAdamOptions(lr, new Betas(b1, b2), eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code eps}. */
    public RAdamOptions eps(double value) {
        return new RAdamOptions(lr, betas, value, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code weight_decay}. */
    public RAdamOptions weightDecay(double value) {
        return new RAdamOptions(lr, betas, eps, value, momentRequiresGrad);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public RAdamOptions momentRequiresGrad(boolean value) {
        return new RAdamOptions(lr, betas, eps, weightDecay, value);
    }

}
