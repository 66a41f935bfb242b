package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/**
 * {@code x} if {@code x > 0} else {@code negativeSlope * x} ({@code torch.nn.LeakyReLU}, slope 0.01 by
 * default). No parameters.
 */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** torch's default negative slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** The activation with the given slope for negative inputs. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** Slope for negative inputs. */
    public double negativeSlope() {
        return negativeSlope;
    }

    /** {@code F.leaky_relu(x, negativeSlope)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + Repr.number(negativeSlope);
    }
}
