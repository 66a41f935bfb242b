package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.tree.TreeMath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CgTest {
    private static final Tensor A3 = Tensor.of(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}});

    @Test
    void solvesASmallSpdSystemExactlyInNIterations() {
        // A x = b with x = (1, 2, 3): b = (4 + 2, 1 + 6 + 3, 2 + 6) = (6, 10, 8)
        Solution s = Cg.cg(LinearOperators.matrix(A3), Tensor.of(6, 10, 8), CgOptions.defaults().withRtol(1e-12));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(new double[] {1, 2, 3}, within(1e-12));
        assertThat(s.iterations()).isEqualTo(3);
        assertThat(s.converged()).isTrue();
        assertThat(s.residualNorm()).isLessThan(1e-11);
    }

    @Test
    void oneIterationOnADiagonalScaledIdentity() {
        // A = 2I: the first step is exact, x = b / 2
        Solution s = Cg.cg(v -> ((Tensor) v).mul(2.0), Tensor.of(1, 2, 3), CgOptions.defaults());
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(0.5, 1.0, 1.5);
        assertThat(s.iterations()).isEqualTo(1);
    }

    @Test
    void reportsNonConvergenceAtTheIterationLimit() {
        Tensor a = Systems.randomSpd(1, 8);
        Tensor b = Systems.randomVector(2, 8);
        Solution s = Cg.cg(LinearOperators.matrix(a), b, CgOptions.defaults().withMaxIter(2));
        assertThat(s.converged()).isFalse();
        assertThat(s.iterations()).isEqualTo(2);
        // the recursive residual agrees with the true one, and is above the test max(rtol ||b||, atol)
        double trueResidual = b.sub(a.matmul((Tensor) s.x())).norm(2).item();
        assertThat(s.residualNorm()).isCloseTo(trueResidual, within(1e-9 * trueResidual));
        assertThat(s.residualNorm()).isGreaterThan(1e-5 * b.norm(2).item());
    }

    @Test
    void zeroIterationLimitReturnsTheStartPointUnconverged() {
        // TorchOpt: cg(A, b, x0, maxiter=0) runs no iteration and returns x0 (zeros without x0)
        Tensor b = Tensor.of(6, 10, 8);
        Solution s = Cg.cg(LinearOperators.matrix(A3), b, CgOptions.defaults().withMaxIter(0).withX0(Tensor.of(1, 1, 1)));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1, 1, 1);
        assertThat(s.iterations()).isZero();
        assertThat(s.converged()).isFalse();
        assertThat(s.residualNorm()).isCloseTo(b.sub(A3.matmul(Tensor.of(1, 1, 1))).norm(2).item(), within(1e-12));
        Solution fromZero = Cg.cg(LinearOperators.matrix(A3), b, CgOptions.defaults().withMaxIter(0));
        assertThat(((Tensor) fromZero.x()).toDoubleArray()).containsExactly(0, 0, 0);
    }

    @Test
    void zeroRightHandSideIsSolvedWithoutIterating() {
        Solution s = Cg.cg(LinearOperators.matrix(A3), Tensor.zeros(3), CgOptions.defaults());
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(0, 0, 0);
        assertThat(s.iterations()).isZero();
        assertThat(s.converged()).isTrue();
    }

    @Test
    void startsFromX0() {
        Tensor b = Tensor.of(2, -2, 4);
        Solution s = Cg.cg(LinearOperators.matrix(A3), b, CgOptions.defaults().withX0(Tensor.of(1, -2, 3)));
        assertThat(s.iterations()).isZero();
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1, -2, 3);
    }

    @Test
    void diagonalPreconditionerGivesTheSameSolution() {
        Tensor a = Systems.randomSpd(3, 6);
        Tensor b = Systems.randomVector(4, 6);
        Tensor diagInv = Tensor.eye(6).mul(a).sum(1, false).reciprocal();
        Solution s = Cg.cg(LinearOperators.matrix(a), b, CgOptions.defaults().withRtol(1e-12)
                .withPreconditioner(r -> ((Tensor) r).mul(diagInv)));
        assertThat(a.matmul((Tensor) s.x()).toDoubleArray()).containsExactly(b.toDoubleArray(), within(1e-9));
        assertThat(s.converged()).isTrue();
    }

    @Test
    void solvesOnATreeWithTwoCoupledLeaves() {
        Tensor m = Systems.randomSpd(5, 5);
        Tensor xTrue = Tensor.of(1, -1, 0.5, 2, -3);
        Map<String, Tensor> b = Systems.split(m.matmul(xTrue));
        Solution s = Cg.cg(Systems.blockOperator(m), b, CgOptions.defaults().withRtol(1e-12));
        @SuppressWarnings("unchecked")
        Map<String, Tensor> x = (Map<String, Tensor>) s.x();
        assertThat(x.keySet()).containsExactly("u", "v");
        assertThat(x.get("u").toDoubleArray()).containsExactly(new double[] {1, -1}, within(1e-9));
        assertThat(x.get("v").toDoubleArray()).containsExactly(new double[] {0.5, 2, -3}, within(1e-9));
    }

    @Test
    void scalarRightHandSideHasTheExactNonZeroGradients() {
        Tensor a = Tensor.scalar(2.5).requiresGrad(true);
        Tensor b = Tensor.scalar(3.0).requiresGrad(true);
        Tensor x = (Tensor) Cg.cg(LinearOperators.matrix(a), b, CgOptions.defaults()).x();
        assertThat(x.shape()).isEmpty();
        assertThat(x.item()).isCloseTo(1.2, within(1e-15));
        Tensor[] g = Autograd.grad(x, a, b);
        assertThat(g[0].item()).isCloseTo(-3.0 / (2.5 * 2.5), within(1e-15));
        assertThat(g[1].item()).isCloseTo(1 / 2.5, within(1e-15));
    }

    @Test
    void gradientsWithRespectToMatrixAndRightHandSideMatchFiniteDifferences() {
        Tensor s = Tensor.randn(new dev.metagrad.autograd.Generator(7), 3, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(8, 3).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> (Tensor) Cg.cg(LinearOperators.matrix(Systems.spd(in[0], 1.0)), in[1],
                CgOptions.defaults().withRtol(1e-10)).x(), s, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) Cg.cg(LinearOperators.matrix(Systems.spd(in[0], 1.0)), in[1],
                CgOptions.defaults().withRtol(1e-10)).x(), s, b)).isTrue();
    }

    @Test
    void truncatedCgIsDifferentiatedAsTheAlgorithmItIs() {
        Tensor s = Tensor.randn(new dev.metagrad.autograd.Generator(9), 4, 4).requiresGrad(true);
        Tensor b = Systems.randomVector(10, 4).requiresGrad(true);
        Tensor x0 = Systems.randomVector(11, 4).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> (Tensor) Cg.cg(LinearOperators.matrix(Systems.spd(in[0], 0.5)), in[1],
                CgOptions.defaults().withX0(in[2]).withMaxIter(2)).x(), s, b, x0)).isTrue();
    }

    @Test
    void gradientsFlowThroughTreeSolves() {
        Tensor s = Tensor.randn(new dev.metagrad.autograd.Generator(12), 5, 5).requiresGrad(true);
        Tensor u = Tensor.of(0.3, -0.2).requiresGrad(true);
        Tensor v = Tensor.of(1.0, 0.5, -0.7).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> {
            Object x = Cg.cg(Systems.blockOperator(Systems.spd(in[0], 1.0)), Systems.tree(in[1], in[2]),
                    CgOptions.defaults().withRtol(1e-12)).x();
            return TreeMath.vdot(x, x);
        }, s, u, v)).isTrue();
    }

    @Test
    void worksInFloat32() {
        Tensor a = A3.to(DType.FLOAT32);
        Solution s = Cg.cg(LinearOperators.matrix(a), Tensor.of(6, 10, 8).to(DType.FLOAT32), CgOptions.defaults());
        Tensor x = (Tensor) s.x();
        assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(x.toDoubleArray()).containsExactly(new double[] {1, 2, 3}, within(1e-4));
    }

    @Test
    void rejectsBadInput() {
        LinearOperator a = LinearOperators.matrix(A3);
        assertThatThrownBy(() -> CgOptions.defaults().withMaxIter(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIter must be >= 0, got -2");
        assertThatThrownBy(() -> CgOptions.defaults().withRtol(-1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rtol");
        assertThatThrownBy(() -> CgOptions.defaults().withAtol(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atol");
        assertThatThrownBy(() -> Cg.cg(a, Tensor.of(1, Double.NaN, 0), CgOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b contains NaN");
        assertThatThrownBy(() -> Cg.cg(v -> Tensor.of(1, 2), Tensor.of(1, 2, 3), CgOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A x has shape [2] but b has shape [3]");
        assertThatThrownBy(() -> Cg.cg(a, Tensor.of(1, 2, 3), CgOptions.defaults().withX0(Tensor.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x0 has shape [2]");
        assertThatThrownBy(() -> Cg.cg(a, null, CgOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b is null");
    }

    @Test
    void aSingularOperatorFailsLoudly() {
        // p·Ap = 0 on the first step: A = 0
        assertThatThrownBy(() -> Cg.cg(v -> ((Tensor) v).mul(0.0), Tensor.of(1, 2), CgOptions.defaults()))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not positive definite");
    }
}
