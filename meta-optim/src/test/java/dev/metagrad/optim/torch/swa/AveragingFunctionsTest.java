package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AveragingFunctionsTest {
    private static final Tensor A = Tensor.of(1, 2);
    private static final Tensor P = Tensor.of(4, 8);

    @Test
    void swaAvgFnMovesAnNthOfTheWay() {
        // a + (p - a) / (n + 1) with n = 2: [1 + 3/3, 2 + 6/3]
        assertThat(AveragingFunctions.swaAvgFn().apply(A, P, 2).toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void swaMultiAvgFnIsTheSameEqualAverageAsALerp() {
        // lerp(a, p, 1/2) = p - (p - a) / 2
        List<Tensor> out = AveragingFunctions.swaMultiAvgFn().apply(List.of(A, P), List.of(P, A), 1);
        assertThat(out.get(0).toDoubleArray()).containsExactly(2.5, 5);
        assertThat(out.get(1).toDoubleArray()).containsExactly(2.5, 5);
    }

    @Test
    void emaAvgFnWeighsTheAverageByTheDecay() {
        assertThat(AveragingFunctions.emaAvgFn(0.9).apply(A, P, 7).toDoubleArray())
                .containsExactly(new double[] {0.9 + 0.4, 1.8 + 0.8}, within(1e-15));
    }

    @Test
    void emaMultiAvgFnIsALerpTowardsTheModel() {
        // lerp(a, p, 0.25) = a + (p - a) / 4
        assertThat(AveragingFunctions.emaMultiAvgFn(0.75).apply(List.of(A), List.of(P), 3).get(0).toDoubleArray())
                .containsExactly(1.75, 3.5);
    }

    @Test
    void theDefaultDecayIsTorchs() {
        assertThat(AveragingFunctions.DEFAULT_DECAY).isEqualTo(0.999);
        assertThat(AveragingFunctions.emaAvgFn().apply(Tensor.of(0.0), Tensor.of(1000.0), 1).item()).isCloseTo(1.0, within(1e-12));
        assertThat(AveragingFunctions.emaMultiAvgFn().apply(List.of(Tensor.of(0.0)), List.of(Tensor.of(1000.0)), 1).get(0).item())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void decayZeroFollowsTheModelAndDecayOneKeepsTheAverageExactly() {
        // a + (p - a) would lose the small value next to the large one; the lerp's second branch does not
        Tensor big = Tensor.of(1e10);
        Tensor small = Tensor.of(1e-10);
        assertThat(AveragingFunctions.emaMultiAvgFn(0).apply(List.of(big), List.of(small), 1).get(0).item()).isEqualTo(1e-10);
        assertThat(AveragingFunctions.emaMultiAvgFn(1).apply(List.of(small), List.of(big), 1).get(0).item()).isEqualTo(1e-10);
        assertThat(AveragingFunctions.emaAvgFn(0).apply(big, small, 1).item()).isEqualTo(1e-10);
        assertThat(AveragingFunctions.emaAvgFn(1).apply(small, big, 1).item()).isEqualTo(1e-10);
    }

    @ParameterizedTest
    @CsvSource({"-0.1, -0.1", "1.5, 1.5", "NaN, nan", "-1.0E-5, -1e-05", "1.0E20, 1e+20"})
    void decaysOutsideTheUnitIntervalAreRejected(double decay, String python) {
        assertThatThrownBy(() -> AveragingFunctions.emaAvgFn(decay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emaAvgFn: invalid decay value " + python + " provided");
        assertThatThrownBy(() -> AveragingFunctions.emaMultiAvgFn(decay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emaMultiAvgFn: invalid decay value " + python + " provided");
    }

    @Test
    void multiAvgFnsRejectListsOfDifferentLengths() {
        assertThatThrownBy(() -> AveragingFunctions.swaMultiAvgFn().apply(List.of(A, A), List.of(P), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 averages but 1 current");
    }
}
