package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * The outcome of one task's inner loop.
 *
 * @param adapted     phi_K, the adapted parameters (in second order a differentiable function of theta)
 * @param innerLosses the support loss before each inner step, {@code Ls_0 .. Ls_{K-1}}
 */
public record Adaptation(List<Tensor> adapted, double[] innerLosses) {
}
