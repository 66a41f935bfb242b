package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.LinearAlgebra;
import dev.metagrad.nn.init.FanMode;
import dev.metagrad.nn.init.Init;
import dev.metagrad.nn.init.Nonlinearity;

/**
 * Affine map {@code y = x W^T + b} ({@code torch.nn.Linear}) with parameters {@code weight}
 * {@code [out, in]} and, unless disabled, {@code bias} {@code [out]}.
 *
 * <p>torch's default initialisation: {@code weight} by {@code kaiming_uniform(a = sqrt(5))}, which is
 * U(-1/sqrt(in), 1/sqrt(in)), then {@code bias} from the same U(-1/sqrt(in), 1/sqrt(in)) (zero width when
 * in = 0), drawn in that order from the given generator.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final boolean bias;

    /** A layer with a bias. */
    public Linear(int inFeatures, int outFeatures, Generator rng) {
        this(inFeatures, outFeatures, true, rng);
    }

    /**
     * A layer with or without a bias.
     *
     * @throws IllegalArgumentException for negative sizes or a null generator
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator rng) {
        if (inFeatures < 0 || outFeatures < 0 || rng == null) {
            throw new IllegalArgumentException("Linear: expected sizes >= 0 and a generator, got in_features " + inFeatures
                    + ", out_features " + outFeatures + (rng == null ? ", no generator" : ""));
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.bias = bias;
        int[] shape = {outFeatures, inFeatures};
        registerParameter("weight", Init.kaimingUniform(shape, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, rng));
        if (bias) {
            double bound = inFeatures > 0 ? 1.0 / Math.sqrt(inFeatures) : 0.0;
            registerParameter("bias", Init.uniform(new int[] {outFeatures}, -bound, bound, rng));
        }
    }

    /** Size of the last input dim. */
    public int inFeatures() {
        return inFeatures;
    }

    /** Size of the last output dim. */
    public int outFeatures() {
        return outFeatures;
    }

    /** Whether the layer has a bias. */
    public boolean hasBias() {
        return bias;
    }

    /** {@code F.linear(x, weight, bias)} for x of shape {@code [..., in]}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return LinearAlgebra.linear(input, params.get("weight"), bias ? params.get("bias") : null);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Repr.bool(bias);
    }
}
