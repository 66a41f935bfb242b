package dev.metagrad.nn;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * Batch normalisation of {@code [N, C]} or {@code [N, C, L]} inputs ({@code torch.nn.BatchNorm1d});
 * see {@link BatchNorm} for the state, the statistics and the defaults.
 */
public final class BatchNorm1d extends BatchNorm {
    /** A layer over {@code numFeatures} channels with torch's defaults. */
    public BatchNorm1d(int numFeatures) {
        this(builder(numFeatures));
    }

    private BatchNorm1d(Builder<BatchNorm1d> builder) {
        super(builder);
    }

    /** Settings for a layer over {@code numFeatures} channels. */
    public static Builder<BatchNorm1d> builder(int numFeatures) {
        return new Builder<>(numFeatures, BatchNorm1d::new);
    }

    @Override
    void checkRank(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException("BatchNorm1d: expected a 2-D or 3-D input [N, C] or [N, C, L], got "
                    + Shape.str(input.shape()));
        }
    }
}
