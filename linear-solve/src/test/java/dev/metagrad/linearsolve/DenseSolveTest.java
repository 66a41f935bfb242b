package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DenseSolveTest {
    // A = [[0, 2], [3, 1]] needs a row swap; A (1, 2) = (4, 5)
    private static final Tensor SWAP = Tensor.of(new double[][] {{0, 2}, {3, 1}});

    @Test
    void luSolvesAMatrixThatNeedsPivoting() {
        assertThat(DenseSolve.lu(SWAP, Tensor.of(4, 5)).toDoubleArray()).containsExactly(new double[] {1, 2}, within(1e-15));
    }

    @Test
    void solvesSeveralRightHandSidesAtOnce() {
        // columns (4, 5) and (2, 1) solve to (1, 2) and (0, 1)
        Tensor x = DenseSolve.lu(SWAP, Tensor.of(new double[][] {{4, 2}, {5, 1}}));
        assertThat(x.shape()).containsExactly(2, 2);
        assertThat(x.toDoubleArray()).containsExactly(new double[] {1, 0, 2, 1}, within(1e-15));
    }

    @Test
    void choleskySolvesAnSpdSystem() {
        // [[4, 2], [2, 3]] (1, -1) = (2, -1)
        Tensor a = Tensor.of(new double[][] {{4, 2}, {2, 3}});
        assertThat(DenseSolve.cholesky(a, Tensor.of(2, -1)).toDoubleArray()).containsExactly(new double[] {1, -1}, within(1e-15));
    }

    @Test
    void gradientsHaveTheClosedForm() {
        // x = A⁻¹b, L = sum(x): grad_b = A⁻ᵀ 1, grad_A = −grad_b xᵀ
        Tensor a = SWAP.requiresGrad(true);
        Tensor b = Tensor.of(4, 5).requiresGrad(true);
        Tensor[] g = Autograd.grad(DenseSolve.lu(a, b).sum(), a, b);
        // Aᵀ = [[0, 3], [2, 1]]; Aᵀ y = (1, 1) gives y = (1/3, 1/3)
        assertThat(g[1].toDoubleArray()).containsExactly(new double[] {1.0 / 3, 1.0 / 3}, within(1e-15));
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {-1.0 / 3, -2.0 / 3, -1.0 / 3, -2.0 / 3}, within(1e-15));
    }

    @Test
    void luIsDifferentiableToSecondOrderInEveryEntry() {
        Tensor a = Systems.randomGeneral(41, 4).requiresGrad(true);
        Tensor b = Tensor.randn(new Generator(42), 4, 2).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> DenseSolve.lu(in[0], in[1]), a, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> DenseSolve.lu(in[0], in[1]), a, b)).isTrue();
    }

    @Test
    void choleskyIsDifferentiableThroughASymmetricParametrization() {
        Tensor s = Tensor.randn(new Generator(43), 3, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(44, 3).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> DenseSolve.cholesky(Systems.spd(in[0], 1.0), in[1]), s, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> DenseSolve.cholesky(Systems.spd(in[0], 1.0), in[1]), s, b)).isTrue();
    }

    @Test
    void keepsTheDtypeOfB() {
        Tensor a = SWAP.to(dev.metagrad.autograd.DType.FLOAT32);
        Tensor x = DenseSolve.lu(a, Tensor.of(4, 5).to(dev.metagrad.autograd.DType.FLOAT32));
        assertThat(x.dtype()).isEqualTo(dev.metagrad.autograd.DType.FLOAT32);
        assertThat(x.toDoubleArray()).containsExactly(new double[] {1, 2}, within(1e-6));
    }

    @Test
    void rejectsShapesAndValuesThatDoNotFit() {
        assertThatThrownBy(() -> DenseSolve.lu(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A must be a square matrix [n, n], got shape [2, 3]");
        assertThatThrownBy(() -> DenseSolve.lu(SWAP, Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B must have shape [2] or [2, k]");
        assertThatThrownBy(() -> DenseSolve.lu(SWAP, Tensor.of(1, Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B contains Infinity");
        assertThatThrownBy(() -> DenseSolve.lu(SWAP, Tensor.of(1, 2).to(dev.metagrad.autograd.DType.FLOAT32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one floating dtype");
        assertThatThrownBy(() -> DenseSolve.lu(Tensor.zeros(2, 2), Tensor.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lu: A is singular");
        assertThatThrownBy(() -> DenseSolve.cholesky(Tensor.of(new double[][] {{-1, 0}, {0, 1}}), Tensor.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cholesky: A is not positive definite");
    }
}
