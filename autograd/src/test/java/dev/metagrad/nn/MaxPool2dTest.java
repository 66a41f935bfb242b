package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Pooling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaxPool2dTest {
    @Test
    void strideDefaultsToTheKernel() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        Tensor y = new MaxPool2d(2).forward(x);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        assertThat(y.toDoubleArray()).containsExactly(6, 8, 14, 16);
    }

    @Test
    void forwardIsFMaxPool2dWithTheSettings() {
        MaxPool2d pool = MaxPool2d.builder(3, 2).stride(2, 1).padding(1).dilation(1, 2).ceilMode(true).build();
        Tensor x = Tensor.randn(new Generator(1), 2, 3, 7, 8);
        Tensor expected = Pooling.maxPool2d(x, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, true);
        assertThat(pool.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        assertThat(pool.namedParameters()).isEmpty();
    }

    @Test
    void reprAndErrors() {
        assertThat(new MaxPool2d(2)).hasToString(
                "MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), dilation=(1, 1), ceil_mode=False)");
        assertThatThrownBy(() -> new MaxPool2d(2).forward(Tensor.zeros(2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPool2d");
        assertThatThrownBy(() -> MaxPool2d.builder()).hasMessageContaining("kernelSize takes one or two values");
    }
}
