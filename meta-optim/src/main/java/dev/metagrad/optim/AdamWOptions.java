package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import java.util.List;

/**
 * Options of {@link Alias#adamw}, mirroring TorchOpt {@code adamw}'s keyword arguments and defaults. Start from
 * {@link #defaults()} and change fields with the withers, named like the fields:
 * <pre>{@code AdamWOptions.defaults().lr(0.01)}</pre>
 * Values are checked when the optimizer is built.
 *
 * @param lr the learning rate (default 1e-3)
 * @param betas moment decay rates (default (0.9, 0.999))
 * @param eps added to the denominator outside the square root (default 1e-8)
 * @param weightDecay decoupled weight decay (default 1e-2)
 * @param epsRoot added to the second moment inside the square root (default 0.0)
 * @param mask which parameter leaves (in flattening order) are decayed; null for all (default null)
 * @param maximize maximize the objective instead of minimizing (default false)
 * @param momentRequiresGrad whether the moments start as tensors requiring grad (default false)
 * @param useAcceleratedOp TorchOpt's fused op; same forward values, so accepted and ignored (default false)
 */
public record AdamWOptions(LearningRate lr, Betas betas, double eps, double weightDecay, double epsRoot, List<Boolean> mask, boolean maximize, boolean momentRequiresGrad, boolean useAcceleratedOp) {
    /** Copies the mask, so the options stay immutable. */
    public AdamWOptions {
        // copied so the options stay immutable; a null entry is reported when the optimizer is built
        mask = mask == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(mask));
    }

    /** TorchOpt's defaults. */
    public static AdamWOptions defaults() {
        return new AdamWOptions(LearningRate.of(1e-3), new Betas(0.9, 0.999), 1e-8, 1e-2, 0.0, null, false, false, false);
    }

    /** Same options with another learning rate. */
    public AdamWOptions lr(LearningRate value) {
        return new AdamWOptions(value, betas, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a fixed learning rate. */
    public AdamWOptions lr(double value) {
        return new AdamWOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a scheduled learning rate, evaluated at {@code t − 1}. */
    public AdamWOptions lr(Schedule value) {
        return new AdamWOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with a learning rate held in a 0-dim tensor (it may require grad). */
    public AdamWOptions lr(Tensor value) {
        return new AdamWOptions(LearningRate.of(value), betas, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with other betas. */
    public AdamWOptions betas(Betas value) {
        return new AdamWOptions(lr, value, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with betas {@code (b1, b2)}. */
    public AdamWOptions betas(double b1, double b2) {
        return new AdamWOptions(lr, new Betas(b1, b2), eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code eps}. */
    public AdamWOptions eps(double value) {
        return new AdamWOptions(lr, betas, value, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code weight_decay}. */
    public AdamWOptions weightDecay(double value) {
        return new AdamWOptions(lr, betas, eps, value, epsRoot, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code eps_root}. */
    public AdamWOptions epsRoot(double value) {
        return new AdamWOptions(lr, betas, eps, weightDecay, value, mask, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code mask}. */
    public AdamWOptions mask(List<Boolean> value) {
        return new AdamWOptions(lr, betas, eps, weightDecay, epsRoot, value, maximize, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code maximize}. */
    public AdamWOptions maximize(boolean value) {
        return new AdamWOptions(lr, betas, eps, weightDecay, epsRoot, mask, value, momentRequiresGrad, useAcceleratedOp);
    }

    /** Same options with another {@code moment_requires_grad}. */
    public AdamWOptions momentRequiresGrad(boolean value) {
        return new AdamWOptions(lr, betas, eps, weightDecay, epsRoot, mask, maximize, value, useAcceleratedOp);
    }

    /** Same options with another {@code use_accelerated_op}. */
    public AdamWOptions useAcceleratedOp(boolean value) {
        return new AdamWOptions(lr, betas, eps, weightDecay, epsRoot, mask, maximize, momentRequiresGrad, value);
    }

}
