package dev.metagrad.linearsolve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LuFactorizationTest {
    // A = [[1, 2, 0], [3, 1, 1], [0, 1, 4]]; A (1, 1, 1) = (3, 5, 5), Aᵀ (1, 1, 1) = (4, 4, 5)
    private static final double[] A = {1, 2, 0, 3, 1, 1, 0, 1, 4};

    @Test
    void solvesWithTheMatrixAndItsTranspose() {
        LuFactorization lu = LuFactorization.of("t", A, 3);
        assertThat(lu.size()).isEqualTo(3);
        assertThat(lu.solve(new double[] {3, 5, 5}, 1, false)).containsExactly(new double[] {1, 1, 1}, within(1e-15));
        assertThat(lu.solve(new double[] {4, 4, 5}, 1, true)).containsExactly(new double[] {1, 1, 1}, within(1e-15));
    }

    @Test
    void solvesSeveralColumnsAndLeavesInputsAlone() {
        double[] a = A.clone();
        LuFactorization lu = LuFactorization.of("t", a, 3);
        // columns: x = (1, 1, 1) and x = (1, 0, 0) (the first column of A)
        double[] rhs = {3, 1, 5, 3, 5, 0};
        double[] x = lu.solve(rhs, 2, false);
        assertThat(x).containsExactly(new double[] {1, 1, 1, 0, 1, 0}, within(1e-15));
        assertThat(a).containsExactly(A);
        assertThat(rhs).containsExactly(3, 1, 5, 3, 5, 0);
    }

    @Test
    void rejectsSingularAndNonFiniteMatrices() {
        assertThatThrownBy(() -> LuFactorization.of("op", new double[] {1, 2, 2, 4}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("op: A is singular");
        // singular to working precision: the second pivot is rounding noise
        assertThatThrownBy(() -> LuFactorization.of("op", new double[] {0.1, 0.3, 0.2, 0.6}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
        assertThatThrownBy(() -> LuFactorization.of("op", new double[] {1, Double.NaN, 0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A contains NaN");
    }
}
