package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/** {@code max(x, 0)} element-wise ({@code torch.nn.ReLU}). No parameters. */
public final class ReLU extends Module {
    /** The activation. */
    public ReLU() {
    }

    /** {@code F.relu(x)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.relu(input);
    }
}
