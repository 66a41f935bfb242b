package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/**
 * {@code x} if {@code x > 0} else {@code alpha (e^x - 1)} ({@code torch.nn.ELU}, alpha 1 by default).
 * No parameters.
 */
public final class ELU extends Module {
    private final double alpha;

    /** torch's default alpha 1. */
    public ELU() {
        this(1.0);
    }

    /** The activation with the given alpha. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    /** Scale of the negative part. */
    public double alpha() {
        return alpha;
    }

    /** {@code F.elu(x, alpha)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.elu(input, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + Repr.number(alpha);
    }
}
