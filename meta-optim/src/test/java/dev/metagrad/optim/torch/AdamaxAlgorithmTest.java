package dev.metagrad.optim.torch;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdamaxAlgorithmTest {
    private final Algorithm adamax = new AdamaxAlgorithm();

    private Options group(Object... kv) {
        return adamax.defaults().withAll(Options.of(kv));
    }

    @Test
    void twoStepsByHand() {
        Options o = group("lr", 0.1, "betas", new double[] {0.5, 0.9}, "eps", 0.01);
        ParamStep s1 = adamax.step(Tensor.of(1.0, 2.0), Tensor.of(2.0, -4.0), Map.of(), o);
        // m = 0.5 g; u = |g| + eps; p -= (lr / (1 - 0.5)) m / u
        assertThat(s1.param().toDoubleArray()).containsExactly(new double[] {1 - 0.2 * 1.0 / 2.01, 2 - 0.2 * -2.0 / 4.01},
                within(1e-15));
        assertThat(((Tensor) s1.state().get("exp_inf")).toDoubleArray()).containsExactly(new double[] {2.01, 4.01}, within(1e-15));
        ParamStep s2 = adamax.step(s1.param(), Tensor.of(0.5, -1.0), s1.state(), o);
        // m = lerp(m, g, 0.5) = (0.75, -1.5); u = max(0.9 u, |g| + eps) = (1.809, 3.609): beta2*u wins
        // p -= (lr / (1 - 0.25)) m / u
        double[] p1 = s1.param().toDoubleArray();
        assertThat(s2.param().toDoubleArray()).containsExactly(
                new double[] {p1[0] - 0.1 / 0.75 * 0.75 / 1.809, p1[1] - 0.1 / 0.75 * -1.5 / 3.609}, within(1e-15));
        Tensor step = (Tensor) s2.state().get("step");
        assertThat(step.dim()).isZero();
        assertThat(step.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(step.item()).isEqualTo(2.0);
        assertThat(s2.state().keySet()).containsExactly("step", "exp_avg", "exp_inf");
    }

    @Test
    void epsIsInsideTheMax() {
        // u = max(0.9 * 1.0, |0.1| + 1.0) = 1.1 although beta2 * u alone would be 0.9
        Options o = group("lr", 0.1, "eps", 1.0, "betas", new double[] {0.0, 0.9});
        Map<String, Object> state = Map.of("step", Tensor.scalar(3.0), "exp_avg", Tensor.of(0.0), "exp_inf", Tensor.of(1.0));
        ParamStep s = adamax.step(Tensor.of(0.0), Tensor.of(0.1), state, o);
        assertThat(((Tensor) s.state().get("exp_inf")).item()).isCloseTo(1.1, within(1e-15));
        assertThat(s.param().item()).isCloseTo(-0.1 * 0.1 / 1.1, within(1e-15));
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 0.1, "betas", new double[] {0.5, 0.9}, "eps", 0.0, "weight_decay", 0.5, "maximize", true);
        ParamStep s = adamax.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        // g = -2 + 0.5 * 1 = -1.5; m = -0.75; u = 1.5; p = 1 - 0.2 * (-0.75 / 1.5) = 1.1
        assertThat(s.param().item()).isCloseTo(1.1, within(1e-15));
        assertThat(((Tensor) s.state().get("exp_avg")).item()).isEqualTo(-0.75);
    }
}
