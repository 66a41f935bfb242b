package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Pooling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvgPool2dTest {
    @Test
    void strideDefaultsToTheKernel() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        Tensor y = new AvgPool2d(2).forward(x);
        assertThat(y.toDoubleArray()).containsExactly(3.5, 5.5, 11.5, 13.5);
    }

    @Test
    void forwardIsFAvgPool2dWithTheSettings() {
        AvgPool2d pool = AvgPool2d.builder(3).stride(2).padding(1).ceilMode(true).countIncludePad(false).build();
        Tensor x = Tensor.randn(new Generator(1), 2, 3, 7, 6);
        Tensor expected = Pooling.avgPool2d(x, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, true, false, null);
        assertThat(pool.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
    }

    @Test
    void aDivisorOverrideReplacesTheWindowSize() {
        Tensor x = Tensor.ones(1, 1, 2, 2);
        assertThat(AvgPool2d.builder(2).divisorOverride(2).build().forward(x).item()).isEqualTo(2.0);
    }

    @Test
    void reprAndErrors() {
        assertThat(new AvgPool2d(2, 3)).hasToString("AvgPool2d(kernel_size=(2, 3), stride=(2, 3), padding=(0, 0))");
        assertThatThrownBy(() -> new AvgPool2d(3).forward(Tensor.zeros(1, 1, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
    }
}
