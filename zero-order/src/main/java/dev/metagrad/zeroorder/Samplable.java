package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

/**
 * A noise distribution for zero-order estimation (TorchOpt's {@code Samplable}). The estimators are
 * unbiased for the Gaussian-smoothed function when {@code E[u uᵀ] = I}, which both built-ins satisfy.
 *
 * <p>Calls are made in TorchOpt's order: for each sample k = 0..N−1, one call per differentiated
 * argument in argnums order. All calls of one estimate happen on the calling thread before any
 * function evaluation, so results do not depend on how many threads evaluate the function.
 */
@FunctionalInterface
public interface Samplable {
    /**
     * Draws one noise tensor.
     *
     * @param shape the shape of the argument being perturbed
     * @param rng   the generator to draw from; the only source of randomness, so equal seeds give equal noise
     * @return a float64 tensor of exactly {@code shape}
     */
    Tensor sample(int[] shape, Generator rng);

    /** Independent standard normal entries: {@code u ~ N(0, I)}. */
    static Samplable standardNormal() {
        return (shape, rng) -> Tensor.randn(rng, shape);
    }

    /**
     * Uniform on the sphere of radius √d (d = number of elements): {@code u = √d · z / ‖z‖} with
     * {@code z ~ N(0, I)}. The radius makes {@code E[u uᵀ] = I}, so the estimators keep their scale.
     */
    static Samplable uniformOnSphere() {
        return (shape, rng) -> {
            Tensor z = Tensor.randn(rng, shape);
            double[] v = z.toDoubleArray();
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            // a zero draw has probability zero; guard anyway rather than divide by zero
            double scale = norm == 0 ? 0 : Math.sqrt(v.length) / norm;
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
            return Tensor.of(v, shape);
        };
    }
}
