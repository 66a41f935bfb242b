package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Views;

/**
 * Merges dims {@code startDim..endDim} into one ({@code torch.nn.Flatten}); by default every dim but the
 * batch dim ({@code startDim = 1, endDim = -1}). No parameters.
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** {@code Flatten(1, -1)}: {@code [N, ...] -> [N, prod(...)]}. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens dims {@code startDim..endDim} inclusive; negative dims count from the end. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * {@code torch.flatten(x, startDim, endDim)}.
     *
     * @throws IllegalArgumentException when a dim is out of range or startDim comes after endDim
     */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Views.flatten(input, startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
