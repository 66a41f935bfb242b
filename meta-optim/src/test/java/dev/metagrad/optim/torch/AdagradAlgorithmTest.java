package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdagradAlgorithmTest {
    private final Algorithm adagrad = new AdagradAlgorithm();

    private Options group(Object... kv) {
        return adagrad.defaults().withAll(Options.of(kv));
    }

    @Test
    void initialStateUsesTheDefaultsAccumulatorNotTheGroups() {
        Tensor p = Tensor.of(1.0, 2.0);
        Map<String, Object> s = adagrad.initialState(p, group("initial_accumulator_value", 5.0),
                group("initial_accumulator_value", 0.25));
        assertThat(s.keySet()).containsExactly("step", "sum");
        assertThat(((Tensor) s.get("step")).dim()).isZero();
        assertThat(((Tensor) s.get("step")).item()).isZero();
        assertThat(((Tensor) s.get("sum")).toDoubleArray()).containsExactly(0.25, 0.25);
    }

    @Test
    void twoStepsByHandWithLrDecay() {
        Options o = group("lr", 0.1, "lr_decay", 0.5, "initial_accumulator_value", 0.25);
        Map<String, Object> s0 = adagrad.initialState(Tensor.of(1.0), o, o);
        ParamStep s1 = adagrad.step(Tensor.of(1.0), Tensor.of(2.0), s0, o);
        // t = 1: clr = lr; sum = 0.25 + 4; p = 1 - 0.1 * 2 / (sqrt(4.25) + 1e-10)
        assertThat(s1.param().item()).isCloseTo(1 - 0.2 / (Math.sqrt(4.25) + 1e-10), within(1e-15));
        ParamStep s2 = adagrad.step(s1.param(), Tensor.of(1.0), s1.state(), o);
        // t = 2: clr = 0.1 / (1 + 0.5); sum = 5.25
        assertThat(s2.param().item()).isCloseTo(s1.param().item() - 0.1 / 1.5 / (Math.sqrt(5.25) + 1e-10), within(1e-15));
        assertThat(((Tensor) s2.state().get("sum")).item()).isEqualTo(5.25);
        assertThat(((Tensor) s2.state().get("step")).item()).isEqualTo(2.0);
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 0.1, "weight_decay", 0.5, "maximize", true, "eps", 0.0);
        ParamStep s = adagrad.step(Tensor.of(1.0), Tensor.of(2.0), adagrad.initialState(Tensor.of(1.0), o, o), o);
        // g = -2 + 0.5 = -1.5; sum = 2.25; p = 1 - 0.1 * (-1.5) / 1.5
        assertThat(s.param().item()).isCloseTo(1.1, within(1e-15));
    }

    @Test
    void aStateWithoutSumIsAnError() {
        assertThatThrownBy(() -> adagrad.step(Tensor.of(1.0), Tensor.of(1.0), Map.of(), group()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no state \"sum\"");
    }
}
