package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

/**
 * Dropout ({@code torch.nn.Dropout}): in training mode zeroes each element with probability {@code p} and
 * scales the rest by {@code 1 / (1 - p)}; the identity in evaluation mode. No parameters.
 *
 * <p>The masks come from the layer's generator, so a seed fixes them. The generator is the layer's only
 * mutable state: draws are synchronised on it, so concurrent calls are safe, but which call gets which
 * mask then depends on scheduling; give each thread its own layer for reproducible concurrent runs.
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator rng;

    /**
     * A layer dropping with probability {@code p}.
     *
     * @throws IllegalArgumentException when p is outside [0, 1] or the generator is null
     */
    public Dropout(double p, Generator rng) {
        if (!(p >= 0 && p <= 1) || rng == null) {
            throw new IllegalArgumentException("Dropout: expected p in [0, 1] and a generator, got p " + p
                    + (rng == null ? " and no generator" : ""));
        }
        this.p = p;
        this.rng = rng;
    }

    /** torch's default p = 0.5. */
    public Dropout(Generator rng) {
        this(0.5, rng);
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    /** {@code F.dropout(x, p, training)}; see {@link dev.metagrad.autograd.ops.Dropout#dropout}. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        if (!params.isTraining()) {
            return dev.metagrad.autograd.ops.Dropout.dropout(input, p, false, rng);
        }
        synchronized (rng) {
            return dev.metagrad.autograd.ops.Dropout.dropout(input, p, true, rng);
        }
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.number(p) + ", inplace=False";
    }
}
