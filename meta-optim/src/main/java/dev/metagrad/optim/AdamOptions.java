package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * Options of {@link Alias#adam}, mirroring TorchOpt {@code adam}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code AdamOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-3)
 * @param betas moment decay rates (default (0.9, 0.999))
 * @param eps added to the denominator outside the square root (default 1e-8)
 * @param weightDecay coupled L2 weight decay (default 0.0)
 * @param epsRoot added to the second moment inside the square root (default 0.0)
 * @param maximize maximize the objective instead of minimizing (default false)
 * @param momentRequiresGrad whether the moments start as tensors requiring grad (default false)
 * @param useAcceleratedOp TorchOpt's fused op; same forward values, so accepted and ignored (default false)
 */
public record AdamOptions(LearningRate lr, Betas betas, double eps, double weightDecay, double epsRoot, boolean maximize, boolean momentRequiresGrad, boolean useAcceleratedOp) {
    /** TorchOpt's defaults. */
    public static AdamOptions defaults() {
        return new AdamOptions(LearningRate.of(1e-3), new Betas(0.9, 0.999), 1e-8, 0.0, 0.0, false, false, false);
    }

    /** Same options with another learning rate. */
    public AdamOptions lr(LearningRate value) {
        return new AdamOptions(value, betas, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a fixed learning rate. */
    public AdamOptions lr(double value) {
        return new AdamOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public AdamOptions lr(Schedule value) {
        return new AdamOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public AdamOptions lr(Tensor value) {
        return new AdamOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with other betas. */
    public AdamOptions betas(Betas value) {
        return new AdamOptions(lr, value, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with betas {@code (b1, b2)}. */
    public AdamOptions betas(double b1, double b2) {
        return new AdamOptions(lr, new Betas(b1, b2), eps, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code eps}. */
    public AdamOptions eps(double value) {
        return new AdamOptions(lr, betas, value, weightDecay, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code weight_decay}. */
    public AdamOptions weightDecay(double value) {
        return new AdamOptions(lr, betas, eps, value, epsRoot, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code eps_root}. */
    public AdamOptions epsRoot(double value) {
        return new AdamOptions(lr, betas, eps, weightDecay, value, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code maximize}. */
    public AdamOptions maximize(boolean value) {
        return new AdamOptions(lr, betas, eps, weightDecay, epsRoot, value, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public AdamOptions momentRequiresGrad(boolean value) {
        return new AdamOptions(lr, betas, eps, weightDecay, epsRoot, maximize, value, useAcceleratedOp);
    }

    /** Same options with another {@code use_accelerated_op}. */
    public AdamOptions useAcceleratedOp(boolean value) {
        return new AdamOptions(lr, betas, eps, weightDecay, epsRoot, maximize, momentRequiresGrad, value);
    }

}
