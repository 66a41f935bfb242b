package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdadeltaAlgorithmTest {
    private final Algorithm adadelta = new AdadeltaAlgorithm();

    private Options group(Object... kv) {
        return adadelta.defaults().withAll(Options.of(kv));
    }

    @Test
    void twoStepsByHand() {
        Options o = group("lr", 0.5, "rho", 0.5, "eps", 0.25);
        ParamStep s1 = adadelta.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        // sq = 0.5 * 4 = 2; delta = sqrt(0 + 0.25) / sqrt(2 + 0.25) * 2 = 2/3; acc = 0.5 * 4/9; p = 1 - 0.5 * 2/3
        assertThat(s1.param().item()).isCloseTo(1 - 1.0 / 3, within(1e-15));
        assertThat(((Tensor) s1.state().get("square_avg")).item()).isEqualTo(2.0);
        assertThat(((Tensor) s1.state().get("acc_delta")).item()).isCloseTo(2.0 / 9, within(1e-15));
        ParamStep s2 = adadelta.step(s1.param(), Tensor.of(1.0), s1.state(), o);
        // sq = 1 + 0.5 = 1.5; delta = sqrt(2/9 + 0.25) / sqrt(1.75) * 1
        double delta = Math.sqrt(2.0 / 9 + 0.25) / Math.sqrt(1.75);
        assertThat(s2.param().item()).isCloseTo(2.0 / 3 - 0.5 * delta, within(1e-15));
        assertThat(((Tensor) s2.state().get("acc_delta")).item()).isCloseTo(0.5 * 2.0 / 9 + 0.5 * delta * delta, within(1e-15));
        assertThat(s2.state().keySet()).containsExactly("step", "square_avg", "acc_delta");
        assertThat(((Tensor) s2.state().get("step")).item()).isEqualTo(2.0);
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 1.0, "rho", 0.5, "eps", 0.25, "weight_decay", 0.5, "maximize", true);
        ParamStep s = adadelta.step(Tensor.of(1.0), Tensor.of(2.5), Map.of(), o);
        // g = -2.5 + 0.5 = -2; as above delta = -2/3, so p = 1 + 2/3
        assertThat(s.param().item()).isCloseTo(1 + 2.0 / 3, within(1e-15));
    }
}
