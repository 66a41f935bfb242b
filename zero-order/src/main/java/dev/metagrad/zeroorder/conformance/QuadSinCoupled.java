package dev.metagrad.zeroorder.conformance;

import dev.metagrad.autograd.Tensor;

/**
 * The golden test function {@code quad_sin_coupled} (FORMAT-torchopt.md section 10):
 * {@code f(x, y, a) = 0.5·Σ a_i x_i² + Σ sin(x_i) + 0.5·(Σ y²)·(1 + 0.1·Σ x_i)}.
 */
final class QuadSinCoupled {
    private QuadSinCoupled() {
    }

    /** f(x, y, a), recorded like any tensor expression (so autograd gives the true gradient). */
    static Tensor apply(Tensor x, Tensor y, Tensor a) {
        Tensor quad = a.mul(x.square()).sum().mul(0.5);
        Tensor coupling = y.square().sum().mul(0.5).mul(x.sum().mul(0.1).add(1));
        return quad.add(x.sin().sum()).add(coupling);
    }
}
