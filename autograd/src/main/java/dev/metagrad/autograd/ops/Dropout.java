package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

/**
 * Dropout (F.dropout): in training, each element is zeroed with probability {@code p} and the survivors
 * are scaled by {@code 1 / (1 - p)}, so the expectation is unchanged; outside training it is the identity.
 */
public final class Dropout {
    private Dropout() {
    }

    /**
     * {@code y = x * m} with {@code m_i = 1/(1 - p)} with probability {@code 1 - p}, else 0 (torch's
     * Bernoulli(1 - p) keep mask). The mask is a constant of the graph, so {@code dy/dx = m} and every higher
     * derivative follows from the product. {@code p = 1} zeroes everything; {@code p = 0} or
     * {@code training = false} returns {@code x} itself without drawing from the generator.
     *
     * @param p        drop probability in [0, 1]
     * @param training false makes this the identity
     * @param rng      source of the mask (one {@code nextDouble} per element, in row-major order)
     * @throws IllegalArgumentException when p is outside [0, 1] or x is not floating point
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator rng) {
        Checks.argument("dropout", p >= 0 && p <= 1, "probability p must be in [0, 1], got " + p);
        Checks.floating("dropout", x);
        if (!training || p == 0) {
            return x;
        }
        return Arithmetic.mul(x, mask(x, p, rng));
    }

    private static Tensor mask(Tensor x, double p, Generator rng) {
        double[] m = new double[x.numel()];
        // with p = 1 nothing is kept, so the infinite scale is never stored
        double scale = 1.0 / (1.0 - p);
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < 1.0 - p ? scale : 0.0;
        }
        return Tensor.of(m, x.dtype(), x.shape());
    }
}
