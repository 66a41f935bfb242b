package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BicgstabTest {
    @Test
    void solvesANonSymmetricSystem() {
        Tensor a = Systems.randomGeneral(61, 7);
        Tensor xTrue = Systems.randomVector(62, 7);
        Solution s = Bicgstab.solve("t", LinearOperators.matrix(a), a.matmul(xTrue), SolverOptions.defaults().withRtol(1e-12));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-9));
        assertThat(s.converged()).isTrue();
        assertThat(s.residualNorm()).isLessThanOrEqualTo(1e-12 * a.matmul(xTrue).norm(2).item());
    }

    @Test
    void anExactFirstHalfStepEndsEarly() {
        // A = 2I: s = r − α A r is zero after the first half step
        Solution s = Bicgstab.solve("t", v -> ((Tensor) v).mul(2.0), Tensor.of(2, 4), SolverOptions.defaults());
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1, 2);
        assertThat(s.iterations()).isEqualTo(1);
        assertThat(s.converged()).isTrue();
    }

    @Test
    void aBreakdownIsReportedAsNotConverged() {
        // a rotation by 90°: r̂·(A r) = 0 on the first step
        Tensor a = Tensor.of(new double[][] {{0, -1}, {1, 0}});
        Solution s = Bicgstab.solve("t", LinearOperators.matrix(a), Tensor.of(1, 0), SolverOptions.defaults());
        assertThat(s.converged()).isFalse();
        assertThat(s.iterations()).isZero();
        assertThat(s.residualNorm()).isEqualTo(1.0);
    }

    @Test
    void theExactInverseAsPreconditionerSolvesInOneStep() {
        // right preconditioning with M = A⁻¹: v = A M r = r, α = 1, s = 0, x = M b
        Tensor a = Tensor.of(new double[][] {{2, 1}, {0, 1}});
        Tensor inverse = Tensor.of(new double[][] {{0.5, -0.5}, {0, 1}});
        Solution s = Bicgstab.solve("t", LinearOperators.matrix(a), Tensor.of(3, 1),
                SolverOptions.defaults().withPreconditioner(LinearOperators.matrix(inverse)));
        assertThat(s.iterations()).isEqualTo(1);
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1, 1);
        assertThat(s.converged()).isTrue();
    }

    @Test
    void aDiagonalPreconditionerGivesTheSameSolution() {
        Tensor a = Systems.randomGeneral(67, 6);
        Tensor xTrue = Systems.randomVector(68, 6);
        Tensor m = Tensor.of(new double[][] {{0.5, 0, 0, 0, 0, 0}, {0, 2, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0},
            {0, 0, 0, 0.7, 0, 0}, {0, 0, 0, 0, 1.3, 0}, {0, 0, 0, 0, 0, 0.9}});
        Solution s = Bicgstab.solve("t", LinearOperators.matrix(a), a.matmul(xTrue),
                SolverOptions.defaults().withRtol(1e-12).withPreconditioner(LinearOperators.matrix(m)));
        assertThat(s.converged()).isTrue();
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray(), within(1e-9));
    }

    @Test
    void startsFromInit() {
        Tensor a = Systems.randomGeneral(63, 4);
        Tensor xTrue = Systems.randomVector(64, 4);
        Solution s = Bicgstab.solve("t", LinearOperators.matrix(a), a.matmul(xTrue), SolverOptions.defaults().withInit(xTrue));
        assertThat(s.iterations()).isZero();
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(xTrue.toDoubleArray());
    }

    @Test
    void isDifferentiableToSecondOrder() {
        Tensor a = Systems.randomGeneral(65, 3).requiresGrad(true);
        Tensor b = Systems.randomVector(66, 3).requiresGrad(true);
        SolverOptions o = SolverOptions.defaults().withRtol(1e-13);
        assertThat(GradCheck.gradcheck(in -> (Tensor) Bicgstab.solve("t", LinearOperators.matrix(in[0]), in[1], o).x(), a, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) Bicgstab.solve("t", LinearOperators.matrix(in[0]), in[1], o).x(), a, b)).isTrue();
    }
}
