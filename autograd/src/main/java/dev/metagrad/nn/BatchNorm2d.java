package dev.metagrad.nn;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;

/**
 * Batch normalisation of {@code [N, C, H, W]} inputs ({@code torch.nn.BatchNorm2d});
 * see {@link BatchNorm} for the state, the statistics and the defaults.
 */
public final class BatchNorm2d extends BatchNorm {
    /** A layer over {@code numFeatures} channels with torch's defaults. */
    public BatchNorm2d(int numFeatures) {
        this(builder(numFeatures));
    }

    private BatchNorm2d(Builder<BatchNorm2d> builder) {
        super(builder);
    }

    /** Settings for a layer over {@code numFeatures} channels. */
    public static Builder<BatchNorm2d> builder(int numFeatures) {
        return new Builder<>(numFeatures, BatchNorm2d::new);
    }

    @Override
    void checkRank(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("BatchNorm2d: expected a 4-D input [N, C, H, W], got "
                    + Shape.str(input.shape()));
        }
    }
}
