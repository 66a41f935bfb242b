package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#adamax}, mirroring TorchOpt {@code adamax}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code AdamaxOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-3)
 * @param betas moment decay rates (default (0.9, 0.999))
 * @param eps added inside the max (default 1e-6)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param momentRequiresGrad whether the moments start as tensors requiring grad (default false)
 */
public record AdamaxOptions(LearningRate lr, Betas betas, double eps, double weightDecay, boolean momentRequiresGrad) {
    /** TorchOpt's defaults. */
    public static AdamaxOptions defaults() {
        return new AdamaxOptions(LearningRate.of(1e-3), new Betas(0.9, 0.999), 1e-6, 0.0, false);
    }

    /** Same options with another learning rate. */
    public AdamaxOptions lr(LearningRate value) {
        return new AdamaxOptions(value, betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a fixed learning rate. */
    public AdamaxOptions lr(double value) {
        return new AdamaxOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public AdamaxOptions lr(Schedule value) {
        return new AdamaxOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public AdamaxOptions lr(Tensor value) {
        return new AdamaxOptions(LearningRate.of(value), betas, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with other betas. */
    public AdamaxOptions betas(Betas value) {
        return new AdamaxOptions(lr, value, eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with betas {@code (b1, b2)}. */
    public AdamaxOptions betas(double b1, double b2) {
        return new AdamaxOptions(lr, new Betas(b1, b2), eps, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code eps}. */
    public AdamaxOptions eps(double value) {
        return new AdamaxOptions(lr, betas, value, weightDecay, momentRequiresGrad);
    }

    /** Same options with another {@code weight_decay}. */
    public AdamaxOptions weightDecay(double value) {
        return new AdamaxOptions(lr, betas, eps, value, momentRequiresGrad);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public AdamaxOptions momentRequiresGrad(boolean value) {
        return new AdamaxOptions(lr, betas, eps, weightDecay, value);
    }

}
