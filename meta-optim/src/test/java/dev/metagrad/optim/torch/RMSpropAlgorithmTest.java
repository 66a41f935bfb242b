package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RMSpropAlgorithmTest {
    private final Algorithm rmsprop = new RMSpropAlgorithm();

    private Options group(Object... kv) {
        return rmsprop.defaults().withAll(Options.of(kv));
    }

    @Test
    void plainStepHasEpsOutsideTheSqrt() {
        ParamStep s = rmsprop.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), group("lr", 0.1, "alpha", 0.5, "eps", 0.5));
        // sq = 0.5 * 4 = 2; p = 1 - 0.1 * 2 / (sqrt(2) + 0.5)
        assertThat(s.param().item()).isCloseTo(1 - 0.2 / (Math.sqrt(2) + 0.5), within(1e-15));
        assertThat(s.state().keySet()).containsExactly("step", "square_avg");
    }

    @Test
    void centeredWithMomentumTwoStepsByHand() {
        Options o = group("lr", 0.1, "alpha", 0.5, "eps", 0.01, "momentum", 0.9, "centered", true);
        ParamStep s1 = rmsprop.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        // sq = 2, ga = 1, avg = sqrt(2 - 1) + 0.01 = 1.01, buf = 2 / 1.01, p = 1 - 0.1 * buf
        assertThat(s1.param().item()).isCloseTo(1 - 0.1 * 2 / 1.01, within(1e-15));
        ParamStep s2 = rmsprop.step(s1.param(), Tensor.of(4.0), s1.state(), o);
        // sq = 1 + 8 = 9, ga = 1 + 0.5 * 3 = 2.5, avg = sqrt(9 - 6.25) + 0.01, buf = 0.9 * 2 / 1.01 + 4 / avg
        double buf = 0.9 * 2 / 1.01 + 4 / (Math.sqrt(2.75) + 0.01);
        assertThat(s2.param().item()).isCloseTo(s1.param().item() - 0.1 * buf, within(1e-15));
        assertThat(((Tensor) s2.state().get("momentum_buffer")).item()).isCloseTo(buf, within(1e-15));
        assertThat(((Tensor) s2.state().get("grad_avg")).item()).isEqualTo(2.5);
        assertThat(((Tensor) s2.state().get("square_avg")).item()).isEqualTo(9.0);
        assertThat(s2.state().keySet()).containsExactly("step", "square_avg", "momentum_buffer", "grad_avg");
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 0.1, "alpha", 0.75, "eps", 0.0, "weight_decay", 0.5, "maximize", true);
        ParamStep s = rmsprop.step(Tensor.of(1.0), Tensor.of(2.5), Map.of(), o);
        // g = -2.5 + 0.5 = -2; sq = 0.25 * 4 = 1; p = 1 - 0.1 * (-2) / 1
        assertThat(s.param().item()).isCloseTo(1.2, within(1e-15));
    }

    @Test
    void enablingCenteredAfterTheFirstStepIsAnError() {
        ParamStep s1 = rmsprop.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), group());
        assertThatThrownBy(() -> rmsprop.step(s1.param(), Tensor.of(1.0), s1.state(), group("centered", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state \"grad_avg\"");
    }
}
