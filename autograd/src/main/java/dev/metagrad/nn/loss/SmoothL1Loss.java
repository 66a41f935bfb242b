package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Smooth L1 loss ({@code torch.nn.SmoothL1Loss}) with {@code d = x - y}: {@code d^2 / (2 beta)} where
 * {@code |d| < beta}, else {@code |d| - beta / 2}; beta = 0 is the L1 loss. Mean reduction and beta 1 by
 * default.
 */
public final class SmoothL1Loss implements Loss {
    private final Reduction reduction;
    private final double beta;

    /** Mean reduction, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * With the given reduction and beta.
     *
     * @throws IllegalArgumentException when beta is negative or the reduction is null
     */
    public SmoothL1Loss(Reduction reduction, double beta) {
        if (reduction == null || !(beta >= 0)) {
            throw new IllegalArgumentException("SmoothL1Loss: expected a reduction and beta >= 0, got " + reduction
                    + ", beta " + beta);
        }
        this.reduction = reduction;
        this.beta = beta;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** Where the loss turns from quadratic to linear. */
    public double beta() {
        return beta;
    }

    /** {@code F.smooth_l1_loss(input, target, reduction, beta)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }
}
