package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Squared error {@code (x - y)^2} ({@code torch.nn.MSELoss}), mean over all elements by default.
 */
public final class MSELoss implements Loss {
    private final Reduction reduction;

    /** With torch's default mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** With the given reduction. */
    public MSELoss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("MSELoss: reduction is null");
        }
        this.reduction = reduction;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** {@code F.mse_loss(input, target, reduction)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction);
    }
}
