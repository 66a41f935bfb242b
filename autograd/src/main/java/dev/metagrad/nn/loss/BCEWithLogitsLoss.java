package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Binary cross entropy of logits, {@code ln(1 + e^x) - x t} computed stably
 * ({@code torch.nn.BCEWithLogitsLoss}), mean over all elements by default; no weight or pos_weight.
 */
public final class BCEWithLogitsLoss implements Loss {
    private final Reduction reduction;

    /** With torch's default mean reduction. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /** With the given reduction. */
    public BCEWithLogitsLoss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("BCEWithLogitsLoss: reduction is null");
        }
        this.reduction = reduction;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** {@code F.binary_cross_entropy_with_logits(input, target, reduction)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, reduction);
    }
}
