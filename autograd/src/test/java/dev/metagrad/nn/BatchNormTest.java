package dev.metagrad.nn;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Normalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Settings shared by {@link BatchNorm1d} and {@link BatchNorm2d}. */
class BatchNormTest {
    private static final Tensor X = Tensor.of(new double[] {1, 10, 3, 30, 5, 20}, 3, 2);

    @Test
    void withoutMomentumTheRunningStatisticsAreCumulativeAverages() {
        BatchNorm1d bn = BatchNorm1d.builder(2).cumulativeMovingAverage().build();
        assertThat(bn.momentum()).isNull();
        bn.forward(X); // means [3, 20], unbiased variances [4, 100]: factor 1/1
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(3, 20);
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(new double[] {4, 100}, within(1e-13));
        bn.forward(X.mul(2.0)); // means [6, 40], variances [16, 400]: factor 1/2
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(4.5, 30);
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(new double[] {10, 250}, within(1e-12));
        assertThat(bn).hasToString("BatchNorm1d(2, eps=1e-05, momentum=None, affine=True, track_running_stats=True)");
    }

    @Test
    void settingTheMomentumToNullSwitchesToACumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(X); // momentum 0.1: 0.9 * [0, 0] + 0.1 * [3, 20]
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(new double[] {0.3, 2}, within(1e-15));
        bn.resetRunningStats();
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(0, 0);
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(1, 1);
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(0);
        bn.setMomentum(null);
        bn.forward(X.mul(2.0)); // first batch after the reset: factor 1/1 replaces the statistics
        bn.forward(X); // factor 1/2: means ([6, 40] + [3, 20]) / 2
        assertThat(bn.momentum()).isNull();
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(4.5, 30);
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(2);
        bn.setMomentum(0.5);
        assertThat(bn.momentum()).isEqualTo(0.5);
    }

    @Test
    void aBadMomentumIsRejectedAndLeavesTheOldOne() {
        BatchNorm1d bn = new BatchNorm1d(2);
        assertThatThrownBy(() -> bn.setMomentum(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm1d: momentum must be in [0, 1] or null, got -0.1");
        assertThatThrownBy(() -> bn.setMomentum(Double.NaN)).hasMessageContaining("NaN");
        assertThat(bn.momentum()).isEqualTo(0.1);
    }

    @Test
    void resettingWithoutTrackingDoesNothing() {
        BatchNorm1d bn = BatchNorm1d.builder(2).trackRunningStats(false).build();
        bn.resetRunningStats();
        assertThat(bn.namedBuffers()).isEmpty();
    }

    @Test
    void withoutTrackingThereAreNoBuffersAndBatchStatisticsAreAlwaysUsed() {
        BatchNorm1d bn = BatchNorm1d.builder(2).trackRunningStats(false).build();
        assertThat(bn.namedBuffers()).isEmpty();
        assertThat(bn.tracksRunningStats()).isFalse();
        Tensor training = bn.forward(X);
        bn.eval();
        assertThat(bn.forward(X).toDoubleArray()).containsExactly(training.toDoubleArray());
    }

    @Test
    void withoutAffineThereAreNoParameters() {
        BatchNorm1d bn = BatchNorm1d.builder(2).affine(false).eps(0.0).build();
        assertThat(bn.namedParameters()).isEmpty();
        assertThat(bn.isAffine()).isFalse();
        assertThat(bn.forward(X).toDoubleArray())
                .containsExactly(Normalization.batchNorm(X, null, null, 0.0).toDoubleArray());
    }

    @Test
    void trainingOutputIsDifferentiableThroughTheBatchStatistics() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = X.detach().requiresGrad(true);
        // a normalised channel always sums to 0 (times the weight, plus N times the bias)
        Tensor[] g = Autograd.grad(bn.forward(x).sum(), x, bn.parameter("weight"), bn.parameter("bias"));
        assertThat(g[0].toDoubleArray()).containsExactly(new double[6], within(1e-12));
        assertThat(g[1].toDoubleArray()).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(g[2].toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new BatchNorm2d(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm2d: numFeatures must be positive, got 0");
        assertThatThrownBy(() -> BatchNorm1d.builder(2).momentum(1.5).build()).hasMessageContaining("momentum");
        assertThatThrownBy(() -> BatchNorm1d.builder(2).eps(-1).build()).hasMessageContaining("eps");
        assertThatThrownBy(() -> BatchNorm1d.builder(2).eps(Double.NaN).build()).hasMessageContaining("eps");
    }
}
