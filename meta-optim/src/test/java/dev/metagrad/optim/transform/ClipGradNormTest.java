package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.Transforms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClipGradNormTest {
    @SuppressWarnings("unchecked")
    private static List<Tensor> clip(GradientTransformation t, List<Tensor> g) {
        return (List<Tensor>) t.update(g, t.init(g), null).updates();
    }

    @Test
    void scalesByMaxNormOverTotalNormPlusEpsilon() {
        List<Tensor> g = List.of(Tensor.of(3.0), Tensor.of(4.0));
        List<Tensor> out = clip(Transforms.clipGradNorm(1.0), g);
        double c = 1.0 / (5.0 + 1e-6);
        assertThat(out.get(0).item()).isCloseTo(3.0 * c, within(1e-15));
        assertThat(out.get(1).item()).isCloseTo(4.0 * c, within(1e-15));
    }

    @Test
    void leavesSmallUpdatesAlone() {
        List<Tensor> out = clip(Transforms.clipGradNorm(10.0), List.of(Tensor.of(3.0, 4.0)));
        assertThat(out.get(0).toDoubleArray()).containsExactly(3.0, 4.0);
    }

    @Test
    void computesOneAndInfinityNorms() {
        List<Tensor> g = List.of(Tensor.of(1.0, -2.0), Tensor.scalar(-3.0));
        assertThat(ClipGradNorm.totalNorm(g, 1.0)).isEqualTo(6.0);
        assertThat(ClipGradNorm.totalNorm(g, Double.POSITIVE_INFINITY)).isEqualTo(3.0);
        assertThat(ClipGradNorm.totalNorm(g, 3.0)).isCloseTo(Math.cbrt(36.0), within(1e-14));
    }

    @Test
    void infiniteNormZeroesFiniteEntriesAndNaNsInfiniteOnes() {
        List<Tensor> out = clip(Transforms.clipGradNorm(1.0), List.of(Tensor.of(-2.0, Double.POSITIVE_INFINITY)));
        double[] v = out.get(0).toDoubleArray();
        assertThat(Double.doubleToRawLongBits(v[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(v[1]).isNaN();
    }

    @Test
    void nanNormMakesEverythingNaN() {
        List<Tensor> out = clip(Transforms.clipGradNorm(1.0, Double.POSITIVE_INFINITY, false),
                List.of(Tensor.of(1.0, Double.NaN), Tensor.of(2.0)));
        assertThat(out.get(1).item()).isNaN();
    }

    @Test
    void errorIfNonfiniteThrows() {
        GradientTransformation t = Transforms.clipGradNorm(1.0, 2.0, true);
        assertThatThrownBy(() -> clip(t, List.of(Tensor.of(Double.NaN)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Transforms.clipGradNorm(-1.0)).hasMessageContaining("max_norm");
        assertThatThrownBy(() -> Transforms.clipGradNorm(1.0, 0.0, false)).hasMessageContaining("norm_type");
    }
}
