package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

/**
 * Cross entropy of logits {@code [N, C]} against int64 class indices {@code [N]}
 * ({@code torch.nn.CrossEntropyLoss}): with {@code lp = log_softmax(x, 1)} and smoothing eps,
 * {@code l_n = (1 - eps) (-lp[n, t_n]) + (eps / C) sum_c (-lp[n, c])}. Mean reduction and no smoothing by
 * default; no class weights, ignored index or probability targets.
 * <pre>{@code
 * Loss ce = CrossEntropyLoss.builder().labelSmoothing(0.1).build();
 * }</pre>
 */
public final class CrossEntropyLoss implements Loss {
    private final Reduction reduction;
    private final double labelSmoothing;

    /** Mean reduction, no label smoothing. */
    public CrossEntropyLoss() {
        this(builder());
    }

    private CrossEntropyLoss(Builder b) {
        if (b.reduction == null || !(b.labelSmoothing >= 0 && b.labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: expected a reduction and labelSmoothing in [0, 1], got "
                    + b.reduction + ", labelSmoothing " + b.labelSmoothing);
        }
        this.reduction = b.reduction;
        this.labelSmoothing = b.labelSmoothing;
    }

    /** Settings, torch's defaults unless changed. */
    public static Builder builder() {
        return new Builder();
    }

    /** How per-sample losses are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    /** The weight eps moved from the target class to the uniform distribution. */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * {@code F.cross_entropy(input, target, reduction, label_smoothing)}.
     *
     * @throws IllegalArgumentException for shapes other than {@code [N, C]} and {@code [N]} or a non-int64 target
     * @throws IndexOutOfBoundsException for a target outside {@code [0, C)}
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, reduction, labelSmoothing);
    }

    /** Settings of a {@link CrossEntropyLoss}. */
    public static final class Builder {
        private Reduction reduction = Reduction.MEAN;
        private double labelSmoothing;

        private Builder() {
        }

        /** How per-sample losses are reduced (default mean). */
        public Builder reduction(Reduction value) {
            this.reduction = value;
            return this;
        }

        /** Label smoothing eps in [0, 1] (default 0). */
        public Builder labelSmoothing(double value) {
            this.labelSmoothing = value;
            return this;
        }

        /**
         * The loss.
         *
         * @throws IllegalArgumentException for a null reduction or a smoothing outside [0, 1]
         */
        public CrossEntropyLoss build() {
            return new CrossEntropyLoss(this);
        }
    }
}
