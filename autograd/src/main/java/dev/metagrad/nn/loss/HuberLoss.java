package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Huber loss ({@code torch.nn.HuberLoss}) with {@code d = x - y}: {@code d^2 / 2} where
 * {@code |d| < delta}, else {@code delta (|d| - delta / 2)}; mean reduction and delta 1 by default.
 */
public final class HuberLoss implements Loss {
    private final Reduction reduction;
    private final double delta;

    /** Mean reduction, delta 1. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * With the given reduction and delta.
     *
     * @throws IllegalArgumentException when delta is not positive or the reduction is null
     */
    public HuberLoss(Reduction reduction, double delta) {
        if (reduction == null || !(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: expected a reduction and delta > 0, got " + reduction
                    + ", delta " + delta);
        }
        this.reduction = reduction;
        this.delta = delta;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** Where the loss turns from quadratic to linear. */
    public double delta() {
        return delta;
    }

    /** {@code F.huber_loss(input, target, reduction, delta)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.huberLoss(input, target, reduction, delta);
    }
}
