package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Negative log likelihood {@code -input[n, t_n]} of log-probabilities {@code [N, C]} and int64 class
 * targets {@code [N]} ({@code torch.nn.NLLLoss}), mean over the batch by default; no class weights or
 * ignored index.
 */
public final class NLLLoss implements Loss {
    private final Reduction reduction;

    /** With torch's default mean reduction. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /** With the given reduction. */
    public NLLLoss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("NLLLoss: reduction is null");
        }
        this.reduction = reduction;
    }

    /** How per-element losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** {@code F.nll_loss(input, target, reduction)}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, reduction);
    }
}
