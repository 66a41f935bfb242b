package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlattenTest {
    @Test
    void byDefaultEverythingButTheBatchDimIsMerged() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor y = new Flatten().forward(x);
        assertThat(y.shape()).containsExactly(2, 12);
        assertThat(y.toDoubleArray()).containsExactly(x.toDoubleArray());
        assertThat(new Flatten()).hasToString("Flatten(start_dim=1, end_dim=-1)");
    }

    @Test
    void chosenDimsAreMerged() {
        assertThat(new Flatten(0, 1).forward(Tensor.zeros(2, 3, 4)).shape()).containsExactly(6, 4);
        assertThat(new Flatten(-2, -1).forward(Tensor.zeros(2, 3, 4)).shape()).containsExactly(2, 12);
    }

    @Test
    void badDimsAreRejected() {
        assertThatThrownBy(() -> new Flatten(2, 1).forward(Tensor.zeros(2, 3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comes after");
        assertThatThrownBy(() -> new Flatten(1, 5).forward(Tensor.zeros(2, 3))).hasMessageContaining("out of range");
    }
}
