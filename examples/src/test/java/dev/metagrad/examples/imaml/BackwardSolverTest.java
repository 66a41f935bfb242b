package dev.metagrad.examples.imaml;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.Solution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BackwardSolverTest {
    // symmetric positive definite: [[4, 1], [1, 3]]; x = [1, 2] gives b = [6, 7]; written with tensor ops,
    // since normal CG transposes the operator through autograd
    private static final LinearOperator SPD = x -> Tensor.of(new double[] {4, 1, 1, 3}, 2, 2).matmul((Tensor) x);
    // symmetric indefinite: [[1, 2], [2, -3]]; x = [1, 2] gives b = [5, -4]
    private static final LinearOperator INDEFINITE = x -> {
        Tensor t = (Tensor) x;
        return Tensor.of(new double[] {1, 2, 2, -3}, 2, 2).matmul(t);
    };

    @ParameterizedTest(name = "{0}")
    @EnumSource(BackwardSolver.class)
    void everySolverSolvesAPositiveDefiniteSystemWithinItsSteps(BackwardSolver s) {
        Solution x = s.linearSolver(20).solve(SPD, Tensor.of(6, 7));
        assertThat(((Tensor) x.x()).toDoubleArray()).containsExactly(new double[] {1, 2}, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackwardSolver.class, names = {"NORMAL_CG", "GMRES"})
    void theGeneralSolversHandleAnIndefiniteSystem(BackwardSolver s) {
        Solution x = s.linearSolver(20).solve(INDEFINITE, Tensor.of(5, -4));
        assertThat(((Tensor) x.x()).toDoubleArray()).containsExactly(new double[] {1, 2}, within(1e-8));
    }

    @Test
    void theStepCountIsALimit() {
        Solution x = BackwardSolver.CG.linearSolver(1).solve(SPD, Tensor.of(6, 7));
        assertThat(x.iterations()).isEqualTo(1);
        assertThat(x.converged()).isFalse();
    }

    @Test
    void cliNamesRoundTrip() {
        for (BackwardSolver s : BackwardSolver.values()) {
            assertThat(BackwardSolver.fromCliName(s.cliName())).isEqualTo(s);
        }
        assertThat(BackwardSolver.NORMAL_CG.cliName()).isEqualTo("normal-cg");
        assertThatThrownBy(() -> BackwardSolver.fromCliName("CG")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected cg, normal-cg or gmres, got 'CG'");
    }
}
