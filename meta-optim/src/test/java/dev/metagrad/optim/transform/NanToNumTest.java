package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.Transforms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NanToNumTest {
    private static final Tensor X = Tensor.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.5);

    @SuppressWarnings("unchecked")
    private static double[] apply(GradientTransformation t) {
        return ((List<Tensor>) t.update(List.of(X), t.init(List.of(X)), null).updates()).get(0).toDoubleArray();
    }

    @Test
    void defaultsAreZeroAndTheExtremeFiniteValues() {
        assertThat(apply(Transforms.nanToNum())).containsExactly(0.0, Double.MAX_VALUE, -Double.MAX_VALUE, -1.5);
    }

    @Test
    void replacementsAreConfigurable() {
        assertThat(apply(Transforms.nanToNum(0.5, 100.0, -100.0))).containsExactly(0.5, 100.0, -100.0, -1.5);
    }

    @Test
    void gradientFlowsOnlyThroughFiniteEntries() {
        Tensor x = X.requiresGrad(true);
        Tensor y = NanToNumFunction.apply(x, 0.0, null, null);
        Tensor g = Autograd.gradOf(y).inputs(x).gradOutputs(Tensor.of(1.0, 2.0, 3.0, 4.0)).compute()[0];
        assertThat(g.toDoubleArray()).containsExactly(0.0, 0.0, 0.0, 4.0);
    }
}
