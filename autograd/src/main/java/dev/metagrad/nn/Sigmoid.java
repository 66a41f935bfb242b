package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/** {@code 1 / (1 + e^-x)} element-wise ({@code torch.nn.Sigmoid}). No parameters. */
public final class Sigmoid extends Module {
    /** The activation. */
    public Sigmoid() {
    }

    /** {@code torch.sigmoid(x)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.sigmoid(input);
    }
}
