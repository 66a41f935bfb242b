package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;

/** Returns its input ({@code torch.nn.Identity}): a placeholder where a layer is optional. No parameters. */
public final class Identity extends Module {
    /** The identity. */
    public Identity() {
    }

    /** {@code x}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return input;
    }
}
