package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/** {@code tanh x} element-wise ({@code torch.nn.Tanh}). No parameters. */
public final class Tanh extends Module {
    /** The activation. */
    public Tanh() {
    }

    /** {@code torch.tanh(x)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.tanh(input);
    }
}
