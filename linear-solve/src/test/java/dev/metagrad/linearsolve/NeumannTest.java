package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NeumannTest {
    @ParameterizedTest(name = "maxIter {0}")
    @CsvSource({"1, 1.5", "2, 1.75", "5, 1.96875"})
    void seriesSumsMaxIterPlusOneTerms(int maxIter, double expected) {
        // A = 0.5: Σ_{k=0}^{maxIter} 0.5^k
        Solution s = Neumann.series("t", v -> ((Tensor) v).mul(0.5), Tensor.scalar(1.0),
                NeumannOptions.defaults().withMaxIter(maxIter));
        assertThat(((Tensor) s.x()).item()).isEqualTo(expected);
        assertThat(((Tensor) s.x()).shape()).isEmpty();
    }

    @ParameterizedTest(name = "maxIter {0}")
    @CsvSource({"1, 1.0", "2, 1.5", "5, 1.9375"})
    void inverseSumsMaxIterTerms(int maxIter, double expected) {
        Tensor inv = Neumann.inverse("t", Tensor.of(new double[][] {{0.5}}), NeumannOptions.defaults().withMaxIter(maxIter));
        assertThat(inv.item()).isEqualTo(expected);
    }

    @Test
    void zeroIterationsKeepOnlyTheFirstTermOfTheSeriesAndNoTermOfTheInverse() {
        // TorchOpt: ns(maxiter=0) = α b (one term), ns_inv(maxiter=0) = α · (empty sum) = 0
        Solution s = Neumann.series("t", v -> ((Tensor) v).mul(4.0), Tensor.of(8.0, -2.0),
                NeumannOptions.defaults().withMaxIter(0).withAlpha(0.125));
        assertThat(((Tensor) s.x()).toDoubleArray()).containsExactly(1.0, -0.25);
        assertThat(s.iterations()).isZero();
        Tensor inv = Neumann.inverse("t", Tensor.of(new double[][] {{0.5, 0.1}, {0.1, 0.4}}),
                NeumannOptions.defaults().withMaxIter(0));
        assertThat(inv.shape()).containsExactly(2, 2);
        assertThat(inv.toDoubleArray()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void alphaScalesTheStepAndTheSum() {
        // A = 4, α = 0.125: I − αA = 0.5, x = 0.125 (1 + 0.5 + 0.25) b
        Solution s = Neumann.series("t", v -> ((Tensor) v).mul(4.0), Tensor.scalar(8.0),
                NeumannOptions.defaults().withMaxIter(2).withAlpha(0.125));
        assertThat(((Tensor) s.x()).item()).isEqualTo(1.75);
        Tensor inv = Neumann.inverse("t", Tensor.of(new double[][] {{4.0}}), NeumannOptions.defaults().withMaxIter(2).withAlpha(0.125));
        assertThat(inv.item()).isEqualTo(0.1875);
    }

    @Test
    void worksOnTreesAndConvergesWithEnoughTerms() {
        Tensor m = Tensor.of(new double[][] {{0.5, 0.1, 0, 0, 0}, {0.1, 0.4, 0, 0, 0.1}, {0, 0, 0.6, 0, 0},
            {0, 0, 0, 0.5, 0}, {0, 0.1, 0, 0, 0.3}});
        Tensor xTrue = Tensor.of(1, -1, 0.5, 2, -3);
        Solution s = Neumann.series("t", Systems.blockOperator(m), Systems.split(m.matmul(xTrue)),
                NeumannOptions.defaults().withMaxIter(200));
        assertThat(s.converged()).isTrue();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Tensor> x = (java.util.Map<String, Tensor>) s.x();
        assertThat(x.get("v").toDoubleArray()).containsExactly(new double[] {0.5, 2, -3}, within(1e-10));
    }

    @Test
    void seriesIsDifferentiableInTheOperatorAndB() {
        Tensor a = Tensor.of(new double[][] {{0.5, 0.1}, {0.2, 0.3}}).requiresGrad(true);
        Tensor b = Tensor.of(1, -2).requiresGrad(true);
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) Neumann.series("t", LinearOperators.matrix(in[0]), in[1],
                NeumannOptions.defaults().withMaxIter(4).withAlpha(0.8)).x(), a, b)).isTrue();
    }

    @Test
    void rejectsNonSquareMatricesAndNaN() {
        assertThatThrownBy(() -> Neumann.inverse("neumannInverse", Tensor.zeros(2, 3), NeumannOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A must be a square matrix [n, n], got shape [2, 3]");
        assertThatThrownBy(() -> Neumann.inverse("neumannInverse", Tensor.of(new double[][] {{Double.NaN}}), NeumannOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A contains NaN");
        assertThatThrownBy(() -> Neumann.series("t", v -> v, List.of(), NeumannOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b has no tensor leaves");
    }
}
