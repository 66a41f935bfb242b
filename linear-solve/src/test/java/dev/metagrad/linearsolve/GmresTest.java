package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GmresTest {
    @Test
    void solvesANonSymmetricSystemWithinNSteps() {
        Tensor a = Systems.randomGeneral(51, 6);
        Tensor xTrue = Systems.randomVector(52, 6);
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), a.matmul(xTrue), GmresOptions.defaults().withRtol(1e-12));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-10));
        assertThat(s.iterations()).isLessThanOrEqualTo(6);
        assertThat(s.converged()).isTrue();
    }

    @Test
    void restartsWhenTheSubspaceIsFull() {
        Tensor a = Systems.randomGeneral(53, 8);
        Tensor xTrue = Systems.randomVector(54, 8);
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), a.matmul(xTrue),
                GmresOptions.defaults().withRtol(1e-10).withRestart(2));
        assertThat(s.converged()).isTrue();
        // two steps per cycle cannot finish in one cycle
        assertThat(s.iterations()).isGreaterThan(2);
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-8));
    }

    @Test
    void stopsAtAHappyBreakdownWithTheExactSolution() {
        // b is an eigenvector: the Krylov space is one-dimensional and the first step is exact
        Tensor a = Tensor.of(new double[][] {{2, 1}, {0, 3}});
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), Tensor.of(2, 0), GmresOptions.defaults().withRtol(0.0));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(new double[] {1, 0}, within(1e-15));
        assertThat(s.iterations()).isEqualTo(1);
        assertThat(s.converged()).isTrue();
    }

    @Test
    void startsFromInitAndReportsNonConvergence() {
        Tensor a = Systems.randomGeneral(55, 10);
        Tensor b = Systems.randomVector(56, 10);
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), b,
                GmresOptions.defaults().withInit(Tensor.ones(10)).withMaxIter(3));
        assertThat(s.converged()).isFalse();
        assertThat(s.iterations()).isEqualTo(3);
        Tensor x = (Tensor) s.x();
        assertThat(s.residualNorm()).isCloseTo(b.sub(a.matmul(x)).norm(2).item(), within(1e-12));
    }

    @Test
    void aSingularOperatorStallsInsteadOfLooping() {
        // A = diag(1, 0), b = (0, 1): no solution; the second direction is rotated to nothing
        Tensor a = Tensor.of(new double[][] {{1, 0}, {0, 0}});
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), Tensor.of(0, 1), GmresOptions.defaults());
        assertThat(s.converged()).isFalse();
        assertThat(s.iterations()).isLessThan(20);
    }

    @Test
    void isDifferentiableToSecondOrderWithRestarts() {
        Tensor a = Systems.randomGeneral(57, 4).requiresGrad(true);
        Tensor b = Systems.randomVector(58, 4).requiresGrad(true);
        GmresOptions o = GmresOptions.defaults().withRtol(1e-13).withRestart(4);
        assertThat(GradCheck.gradcheck(in -> (Tensor) Gmres.solve("t", LinearOperators.matrix(in[0]), in[1], o).x(), a, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) Gmres.solve("t", LinearOperators.matrix(in[0]), in[1], o).x(), a, b)).isTrue();
    }

    @Test
    void rejectsANullOperator() {
        assertThatThrownBy(() -> Gmres.solve("solveGmres", null, Tensor.of(1.0), GmresOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solveGmres: the operator A is null");
    }
}
