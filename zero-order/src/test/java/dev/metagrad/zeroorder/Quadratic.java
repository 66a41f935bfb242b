package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;

/** f(x) = 0.5·Σ a_i x_i² + Σ b_i x_i + c, with gradient a ⊙ x + b; smoothing leaves the gradient unchanged. */
final class Quadratic {
    static final Tensor A = Tensor.of(1.0, 2.0, 0.5);
    static final Tensor B = Tensor.of(0.3, -1.0, 0.7);
    static final Tensor X = Tensor.of(0.5, -0.4, 1.2);
    static final TensorFunction F = in -> A.mul(in[0].square()).sum().mul(0.5).add(B.mul(in[0]).sum()).add(2.0);

    static double[] trueGrad() {
        return A.mul(X).add(B).toDoubleArray();
    }

    private Quadratic() {
    }
}
