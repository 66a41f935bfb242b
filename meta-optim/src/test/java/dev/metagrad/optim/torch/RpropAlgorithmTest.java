package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RpropAlgorithmTest {
    private final Algorithm rprop = new RpropAlgorithm();

    private Options group(Object... kv) {
        return rprop.defaults().withAll(Options.of(kv));
    }

    private static double[] values(ParamStep s, String key) {
        return ((Tensor) s.state().get(key)).toDoubleArray();
    }

    @Test
    void stepSizesGrowShrinkAndClampAndAFlipMeansNoMove() {
        Options o = group("lr", 0.1, "etas", new double[] {0.5, 1.2}, "step_sizes", new double[] {0.01, 0.15});
        ParamStep s1 = rprop.step(Tensor.of(1.0, 1.0, 1.0), Tensor.of(2.0, -3.0, 0.0), Map.of(), o);
        // prev = 0: factor 1, step_size = lr; p -= sign(g) * 0.1
        assertThat(s1.param().toDoubleArray()).containsExactly(new double[] {0.9, 1.1, 1.0}, within(1e-15));
        assertThat(values(s1, "step_size")).containsExactly(0.1, 0.1, 0.1);
        ParamStep s2 = rprop.step(s1.param(), Tensor.of(1.0, 3.0, 5.0), s1.state(), o);
        // g * prev = (2, -9, 0): factors (1.2, 0.5, 1); the flipped entry does not move and stores prev = 0
        assertThat(values(s2, "step_size")).containsExactly(new double[] {0.12, 0.05, 0.1}, within(1e-15));
        assertThat(s2.param().toDoubleArray()).containsExactly(new double[] {0.78, 1.1, 0.9}, within(1e-15));
        assertThat(values(s2, "prev")).containsExactly(1.0, 0.0, 5.0);
        ParamStep s3 = rprop.step(s2.param(), Tensor.of(1.0, -1.0, 1.0), s2.state(), o);
        // g * prev = (1, 0, 5): factors (1.2, 1, 1.2)
        assertThat(values(s3, "step_size")).containsExactly(new double[] {0.144, 0.05, 0.12}, within(1e-15));
        assertThat(s3.param().toDoubleArray()).containsExactly(new double[] {0.78 - 0.144, 1.15, 0.78}, within(1e-15));
        ParamStep s4 = rprop.step(s3.param(), Tensor.of(1.0, -1.0, 1.0), s3.state(), o);
        // 0.144 * 1.2 = 0.1728 is clamped to the max 0.15
        assertThat(values(s4, "step_size")).containsExactly(new double[] {0.15, 0.06, 0.144}, within(1e-15));
        assertThat(s4.state().keySet()).containsExactly("step", "prev", "step_size");
        assertThat(((Tensor) s4.state().get("step")).item()).isEqualTo(4.0);
    }

    @Test
    void theFirstStepAlreadyClampsTheLearningRate() {
        Options o = group("lr", 0.5, "step_sizes", new double[] {0.01, 0.15});
        ParamStep s = rprop.step(Tensor.of(0.0, 0.0), Tensor.of(-2.0, 3.0), Map.of(), o);
        assertThat(values(s, "step_size")).containsExactly(0.15, 0.15);
        assertThat(s.param().toDoubleArray()).containsExactly(0.15, -0.15);
    }

    @Test
    void maximizeMovesUphill() {
        ParamStep s = rprop.step(Tensor.of(0.0, 0.0), Tensor.of(-2.0, 3.0), Map.of(), group("lr", 0.1, "maximize", true));
        assertThat(s.param().toDoubleArray()).containsExactly(-0.1, 0.1);
        assertThat(values(s, "prev")).containsExactly(2.0, -3.0);
    }

    @Test
    void theUpdateIsPiecewiseConstantInTheGradientSoOnlyTheIdentityPathCarriesDerivatives() {
        Tensor p = Tensor.of(0.5, -0.3).requiresGrad(true);
        Tensor g = Tensor.of(1.5, -0.7).requiresGrad(true);
        Map<String, Object> state = Map.of("step", Tensor.scalar(2.0), "prev", Tensor.of(1.0, 2.0),
                "step_size", Tensor.of(0.2, 0.3));
        ParamStep s = rprop.step(p, g, state, group());
        Tensor[] d = Autograd.gradOf(s.param().mul(Tensor.of(3.0, 5.0)).sum()).inputs(p, g).allowUnused(true)
                .materializeGrads(true).compute();
        assertThat(d[0].toDoubleArray()).containsExactly(3.0, 5.0); // d p' / d p = I
        assertThat(d[1].toDoubleArray()).containsExactly(0.0, 0.0); // nothing flows into the gradient
    }
}
