package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Absolute error {@code |x - y|} ({@code torch.nn.L1Loss}), mean over all elements by default.
 */
public final class L1Loss implements Loss {
    private final Reduction reduction;

    /** With torch's default mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** With the given reduction. */
    public L1Loss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("L1Loss: reduction is null");
        }
        this.reduction = reduction;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** {@code F.l1_loss(input, target, reduction)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target, reduction);
    }
}
