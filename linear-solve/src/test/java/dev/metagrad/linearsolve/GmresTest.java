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

    /** {@code 3I + G/√n} with its columns scaled by 10^-2 ... 10^2: eigenvalues spread over four decades. */
    private static Tensor badlyScaled(long seed, int n) {
        return Systems.randomGeneral(seed, n).mul(Tensor.linspace(-2, 2, n).mul(Math.log(10)).exp());
    }

    /** Jacobi preconditioner {@code M = diag(A)⁻¹}, applied elementwise. */
    private static LinearOperator inverseDiagonal(Tensor a) {
        int n = a.shape()[0];
        double[] d = new double[n];
        double[][] rows = Systems.rows(a);
        for (int i = 0; i < n; i++) {
            d[i] = 1.0 / rows[i][i];
        }
        Tensor dinv = Tensor.of(d);
        return v -> ((Tensor) v).mul(dinv);
    }

    @Test
    void aDiagonalPreconditionerOnABadlyScaledSystemNeedsFewerSteps() {
        int n = 20;
        Tensor a = badlyScaled(59, n);
        Tensor xTrue = Systems.randomVector(60, n);
        Tensor b = a.matmul(xTrue);
        GmresOptions o = GmresOptions.defaults().withRtol(1e-12).withRestart(10).withMaxIter(2000);
        Solution plain = Gmres.solve("t", LinearOperators.matrix(a), b, o);
        Solution pre = Gmres.solve("t", LinearOperators.matrix(a), b, o.withPreconditioner(inverseDiagonal(a)));
        assertThat(plain.converged()).isTrue();
        assertThat(pre.converged()).isTrue();
        assertThat(pre.iterations()).isLessThan(plain.iterations() / 2);
        assertThat(((Tensor) pre.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-7));
        assertThat(((Tensor) plain.x()).toDoubleArray()).containsExactly(((Tensor) pre.x()).toDoubleArray(), within(1e-7));
        // the reported residual is that of A x = b, not of the preconditioned system
        assertThat(pre.residualNorm()).isCloseTo(b.sub(a.matmul((Tensor) pre.x())).norm(2).item(), within(1e-12));
    }

    @Test
    void aPreconditionerWithRestartsAndAStartPointReachesTheSameSolution() {
        int n = 10;
        Tensor a = badlyScaled(61, n);
        Tensor xTrue = Systems.randomVector(62, n);
        Solution s = Gmres.solve("t", LinearOperators.matrix(a), a.matmul(xTrue), GmresOptions.defaults()
                .withRtol(1e-12).withRestart(3).withInit(Tensor.ones(n)).withPreconditioner(inverseDiagonal(a)));
        assertThat(s.converged()).isTrue();
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-7));
    }

    @Test
    void theIdentityPreconditionerGivesTheSameResultAsNone() {
        Tensor a = Systems.randomGeneral(63, 7);
        Tensor b = Systems.randomVector(64, 7);
        GmresOptions o = GmresOptions.defaults().withRtol(1e-10).withRestart(3);
        Solution none = Gmres.solve("t", LinearOperators.matrix(a), b, o);
        Solution identity = Gmres.solve("t", LinearOperators.matrix(a), b, o.withPreconditioner(v -> v));
        assertThat(identity.iterations()).isEqualTo(none.iterations());
        assertThat(identity.converged()).isEqualTo(none.converged());
        assertThat(identity.residualNorm()).isCloseTo(none.residualNorm(), within(1e-14));
        assertThat(((Tensor) identity.x()).toDoubleArray()).containsExactly(((Tensor) none.x()).toDoubleArray(), within(1e-14));
    }

    @Test
    void aPreconditionerOfTheWrongShapeIsNamed() {
        Tensor a = Systems.randomGeneral(65, 3);
        GmresOptions o = GmresOptions.defaults().withPreconditioner(v -> Tensor.ones(4));
        assertThatThrownBy(() -> Gmres.solve("solveGmres", LinearOperators.matrix(a), Tensor.of(1, 2, 3), o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solveGmres: M v has shape [4] but b has shape [3]");
    }

    @Test
    void isDifferentiableThroughAPreconditionedSolve() {
        Tensor a = badlyScaled(66, 4).requiresGrad(true);
        Tensor b = Systems.randomVector(67, 4).requiresGrad(true);
        LinearOperator m = inverseDiagonal(a.detach());
        GmresOptions o = GmresOptions.defaults().withRtol(1e-13).withRestart(2).withPreconditioner(m);
        assertThat(GradCheck.gradcheck(in -> (Tensor) Gmres.solve("t", LinearOperators.matrix(in[0]), in[1], o).x(), a, b)).isTrue();
    }
}
