package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BatchNorm1dTest {
    private static final double EPS = 1e-5;
    /** Channel 0: {1, 3, 5}, mean 3, biased variance 8/3, unbiased 4. Channel 1: {10, 30, 20}, mean 20, biased 200/3, unbiased 100. */
    private static final Tensor X = Tensor.of(new double[] {1, 10, 3, 30, 5, 20}, 3, 2);

    @Test
    void freshLayerHasTorchsStateAndDefaults() {
        BatchNorm1d bn = new BatchNorm1d(2);
        assertThat(bn.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(bn.namedBuffers().keySet()).containsExactly("running_mean", "running_var", "num_batches_tracked");
        assertThat(bn.parameter("weight").toDoubleArray()).containsExactly(1, 1);
        assertThat(bn.parameter("bias").toDoubleArray()).containsExactly(0, 0);
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(0, 0);
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(1, 1);
        assertThat(bn.buffer("num_batches_tracked").dim()).isZero();
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(0);
        assertThat(bn.eps()).isEqualTo(1e-5);
        assertThat(bn.momentum()).isEqualTo(0.1);
        assertThat(bn).hasToString("BatchNorm1d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)");
    }

    @Test
    void trainingNormalisesWithTheBatchMeanAndBiasedVariance() {
        Tensor y = new BatchNorm1d(2).forward(X);
        double s0 = Math.sqrt(8.0 / 3 + EPS);
        double s1 = Math.sqrt(200.0 / 3 + EPS);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-2 / s0, -10 / s1, 0, 10 / s1, 2 / s0, 0}, within(1e-14));
    }

    @Test
    void trainingUpdatesRunningStatisticsWithMomentumAndTheUnbiasedVariance() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(X);
        // 0.9 * 0 + 0.1 * [3, 20]; 0.9 * 1 + 0.1 * [4, 100]
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(new double[] {0.3, 2.0}, within(1e-15));
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(new double[] {1.3, 10.9}, within(1e-14));
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(1);
        bn.forward(X);
        // 0.9 * [0.3, 2] + 0.1 * [3, 20]; 0.9 * [1.3, 10.9] + 0.1 * [4, 100]
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(new double[] {0.57, 3.8}, within(1e-14));
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(new double[] {1.57, 19.81}, within(1e-13));
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(2);
    }

    @Test
    void storedStatisticsAreNewDetachedTensors() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor before = bn.buffer("running_mean");
        bn.forward(X.detach().requiresGrad(true));
        assertThat(bn.buffer("running_mean")).isNotSameAs(before);
        assertThat(before.toDoubleArray()).containsExactly(0, 0);
        assertThat(bn.buffers()).allMatch(b -> b.isLeaf() && !b.requiresGrad());
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndDoesNotUpdateThem() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(X);
        bn.eval();
        Tensor y = bn.forward(X);
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(new double[] {0.3, 2.0}, within(1e-15));
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(1);
        double s0 = Math.sqrt(1.3 + EPS);
        double s1 = Math.sqrt(10.9 + EPS);
        double[] expected = {(1 - 0.3) / s0, (10 - 2) / s1, (3 - 0.3) / s0, (30 - 2) / s1, (5 - 0.3) / s0, (20 - 2) / s1};
        assertThat(y.toDoubleArray()).containsExactly(expected, within(1e-13));
    }

    @Test
    void evaluationAppliesWeightAndBias() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.setParameter("weight", Tensor.of(2.0, -1.0));
        bn.setParameter("bias", Tensor.of(0.5, 1.0));
        bn.eval();
        Tensor y = bn.forward(Tensor.of(new double[] {1, 2}, 1, 2));
        double s = Math.sqrt(1 + EPS);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {2 / s + 0.5, -2 / s + 1}, within(1e-15));
    }

    @Test
    void threeDimensionalInputsUseStatisticsOverBatchAndLength() {
        BatchNorm1d bn = BatchNorm1d.builder(1).momentum(1.0).build();
        bn.forward(Tensor.of(new double[] {1, 2, 3, 6}, 2, 1, 2)); // mean 3, unbiased variance 14/3
        assertThat(bn.buffer("running_mean").item()).isCloseTo(3.0, within(1e-15));
        assertThat(bn.buffer("running_var").item()).isCloseTo(14.0 / 3, within(1e-14));
    }

    @Test
    void wrongInputsAreRejected() {
        BatchNorm1d bn = new BatchNorm1d(2);
        assertThatThrownBy(() -> bn.forward(Tensor.zeros(2, 2, 2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm1d: expected a 2-D or 3-D input").hasMessageContaining("[2, 2, 2, 2]");
        assertThatThrownBy(() -> bn.forward(Tensor.zeros(4, 3))).hasMessageContaining("expected 2 channels");
        assertThatThrownBy(() -> bn.forward(Tensor.zeros(1, 2))).hasMessageContaining("more than 1 value per channel");
    }
}
