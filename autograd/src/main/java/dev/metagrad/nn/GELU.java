package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;

/**
 * Gaussian error linear unit ({@code torch.nn.GELU}): exactly {@code x Phi(x) = x/2 (1 + erf(x / sqrt 2))},
 * or with {@code approximate = "tanh"} {@code x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. No parameters.
 */
public final class GELU extends Module {
    private final String approximate;

    /** The exact GELU ({@code approximate = "none"}). */
    public GELU() {
        this("none");
    }

    /**
     * GELU with torch's {@code approximate} setting.
     *
     * @throws IllegalArgumentException unless approximate is {@code "none"} or {@code "tanh"}
     */
    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be \"none\" or \"tanh\", got "
                    + (approximate == null ? "null" : "\"" + approximate + "\""));
        }
        this.approximate = approximate;
    }

    /** {@code "none"} or {@code "tanh"}. */
    public String approximate() {
        return approximate;
    }

    /** {@code F.gelu(x, approximate)}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        return Activations.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
