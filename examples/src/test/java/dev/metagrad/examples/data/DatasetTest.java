package dev.metagrad.examples.data;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetTest {
    private final Dataset d = new Dataset("d", List.of("a", "b"), Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2),
            Tensor.of(10, 20, 30));

    @Test
    void selectTakesRowsInTheGivenOrder() {
        Dataset s = d.select("s", new int[] {2, 0});
        assertThat(s.name()).isEqualTo("s");
        assertThat(s.x().toDoubleArray()).containsExactly(5, 6, 1, 2);
        assertThat(s.y().toDoubleArray()).containsExactly(30, 10);
        assertThat(s.featureNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> d.select("s", new int[] {3}))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("row 3 is outside [0, 3)");
    }

    @Test
    void shapesMustAgree() {
        assertThatThrownBy(() -> new Dataset("d", List.of("a"), Tensor.zeros(3, 2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must be [rows, 1]");
        assertThatThrownBy(() -> new Dataset("d", List.of("a", "b"), Tensor.zeros(3, 2), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y must be [3]");
        assertThatThrownBy(() -> d.withY(Tensor.zeros(3, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.withX(Tensor.zeros(3, 2)).x().toDoubleArray()).containsOnly(0.0);
    }
}
