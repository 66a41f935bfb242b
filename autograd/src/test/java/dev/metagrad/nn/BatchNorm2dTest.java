package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Normalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BatchNorm2dTest {
    /** One channel over a [2, 1, 1, 2] batch: {1, 2, 3, 6}, mean 3, biased variance 7/2, unbiased 14/3. */
    private static final Tensor X = Tensor.of(new double[] {1, 2, 3, 6}, 2, 1, 1, 2);

    @Test
    void trainingUpdatesRunningStatisticsOverBatchAndSpace() {
        BatchNorm2d bn = new BatchNorm2d(1);
        Tensor y = bn.forward(X);
        double s = Math.sqrt(3.5 + 1e-5);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-2 / s, -1 / s, 0, 3 / s}, within(1e-14));
        assertThat(bn.buffer("running_mean").item()).isCloseTo(0.3, within(1e-15));
        assertThat(bn.buffer("running_var").item()).isCloseTo(0.9 + 0.1 * 14 / 3, within(1e-15));
    }

    @Test
    void evaluationMatchesTheEvalOpWithTheRunningStatistics() {
        BatchNorm2d bn = BatchNorm2d.builder(3).momentum(0.5).build();
        Tensor x = Tensor.randn(new Generator(1), 4, 3, 2, 2);
        bn.forward(x);
        bn.forward(x.mul(2.0));
        bn.eval();
        Tensor expected = Normalization.batchNormEval(x, bn.buffer("running_mean"), bn.buffer("running_var"),
                bn.parameter("weight"), bn.parameter("bias"), 1e-5);
        assertThat(bn.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(2);
    }

    @Test
    void onlyFourDimensionalInputsAreAccepted() {
        assertThatThrownBy(() -> new BatchNorm2d(2).forward(Tensor.zeros(3, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm2d: expected a 4-D input [N, C, H, W], got [3, 2]");
    }
}
