package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateValuesTest {
    @Test
    void describeNamesNullTensorsAndOtherValues() {
        assertThat(StateValues.describe(null)).isEqualTo("none");
        assertThat(StateValues.describe(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}))).isEqualTo("a tensor of shape [2, 3] float64");
        assertThat(StateValues.describe(0.5)).isEqualTo("Double 0.5");
        assertThat(StateValues.describe(List.of(1L))).endsWith(" [1]");
    }

    @Test
    void copyStateDetachesTensorsWidensNumbersAndRejectsOtherTypes() {
        Map<String, Object> state = new LinkedHashMap<>();
        Tensor t = Tensor.of(1.0, 2.0).requiresGrad(true);
        state.put("buf", t.mul(2));
        state.put("n", 3);
        state.put("f", 0.5f);
        Map<String, Object> copy = StateValues.copyState(state, "Demo");
        assertThat(((Tensor) copy.get("buf")).requiresGrad()).isFalse();
        assertThat(copy.get("n")).isEqualTo(3L);
        assertThat(copy.get("f")).isEqualTo(0.5);
        state.put("bad", new Object());
        assertThatThrownBy(() -> StateValues.copyState(state, "Demo"))
                .hasMessageStartingWith("Demo: state \"bad\" has unsupported type java.lang.Object");
    }
}
