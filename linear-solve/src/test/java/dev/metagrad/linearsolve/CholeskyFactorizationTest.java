package dev.metagrad.linearsolve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CholeskyFactorizationTest {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]] = L Lᵀ; A (1, -1, 2) = (2, -1, 5)
    private static final double[] A = {4, 2, 0, 2, 5, 1, 0, 1, 3};

    @Test
    void solvesAnSpdSystemAndItsTransposeAlike() {
        CholeskyFactorization c = CholeskyFactorization.of("t", A, 3);
        assertThat(c.solve(new double[] {2, -1, 5}, 1, false)).containsExactly(new double[] {1, -1, 2}, within(1e-15));
        assertThat(c.solve(new double[] {2, -1, 5}, 1, true)).containsExactly(new double[] {1, -1, 2}, within(1e-15));
    }

    @Test
    void toleratesRoundingAsymmetry() {
        double[] a = A.clone();
        a[1] += 1e-15;
        assertThat(CholeskyFactorization.of("t", a, 3).solve(new double[] {2, -1, 5}, 1, false))
                .containsExactly(new double[] {1, -1, 2}, within(1e-14));
    }

    @Test
    void rejectsMatricesThatAreNotSymmetricPositiveDefinite() {
        assertThatThrownBy(() -> CholeskyFactorization.of("op", new double[] {2, 1, 0, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op: A is not symmetric (A[0][1] = 1.0 but A[1][0] = 0.0)");
        assertThatThrownBy(() -> CholeskyFactorization.of("op", new double[] {1, 2, 2, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op: A is not positive definite (Cholesky pivot 1 is -3.0 <= 0)");
        assertThatThrownBy(() -> CholeskyFactorization.of("op", new double[] {0, 0, 0, 0}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> CholeskyFactorization.of("op", new double[] {1, 0, 0, Double.NaN}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A contains NaN");
    }
}
