package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdatesTest {
    @Test
    void addsUpdatesLeafByLeafAndKeepsTheStructure() {
        Map<String, Tensor> params = Map.of("w", Tensor.of(1.0, 2.0), "b", Tensor.scalar(3.0));
        Map<String, Tensor> updates = Map.of("w", Tensor.of(0.5, -1.0), "b", Tensor.scalar(-3.0));
        Map<String, Tensor> out = Updates.applyUpdates(params, updates);
        assertThat(out.get("w").toDoubleArray()).containsExactly(1.5, 1.0);
        assertThat(out.get("b").item()).isEqualTo(0.0);
    }

    @Test
    void inplaceLeavesTheParamsUntouched() {
        Tensor p = Tensor.of(1.0, 2.0);
        List<Tensor> out = Updates.applyUpdates(List.of(p), List.of(Tensor.of(1.0, 1.0)), true);
        assertThat(out.get(0).toDoubleArray()).containsExactly(2.0, 3.0);
        assertThat(p.toDoubleArray()).containsExactly(1.0, 2.0);
    }

    @Test
    void mismatchedTreesAreRejected() {
        assertThatThrownBy(() -> Updates.applyUpdates(List.of(Tensor.of(1.0)), List.of(Tensor.of(1.0), Tensor.of(2.0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
