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

    /**
     * Draws all the noise of one estimate: {@code result[k][j]} for sample k and the argument of shape
     * {@code shapes[j]}. The default makes one {@link #sample} call per sample and argument, sample-major as
     * TorchOpt does (so recorded noise replays in order); the built-ins override it to draw each argument's
     * {@code numSamples} tensors as one batch {@code [numSamples, ...shape]}.
     */
    default Tensor[][] sampleAll(int numSamples, int[][] shapes, Generator rng) {
        Tensor[][] out = new Tensor[numSamples][shapes.length];
        for (int k = 0; k < numSamples; k++) {
            for (int j = 0; j < shapes.length; j++) {
                out[k][j] = sample(shapes[j].clone(), rng);
            }
        }
        return out;
    }

    /** Independent standard normal entries: {@code u ~ N(0, I)}, each argument's samples drawn as one batch. */
    static Samplable standardNormal() {
        return new BatchedNoise(false);
    }

    /**
     * Uniform on the sphere of radius √d (d = number of elements): {@code u = √d · z / ‖z‖} with
     * {@code z ~ N(0, I)}. The radius makes {@code E[u uᵀ] = I}, so the estimators keep their scale.
     */
    static Samplable uniformOnSphere() {
        return new BatchedNoise(true);
    }
}
