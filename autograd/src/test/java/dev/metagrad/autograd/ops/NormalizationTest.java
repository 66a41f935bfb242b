package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalizationTest implements GradcheckTable {
    private static final double EPS = 1e-5;

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(131);
        Tensor runningMean = Tensor.of(0.1, -0.2, 0.3);
        Tensor runningVar = Tensor.of(0.5, 1.5, 2.0);
        return Stream.of(
            OpCase.of("batchNorm [4,3] affine", in -> Normalization.batchNorm(in[0], in[1], in[2], EPS), r.uniform(4, 3),
                    r.range(0.5, 1.5, 3), r.uniform(3)),
            OpCase.of("batchNorm [2,3,2,2] no affine", in -> Normalization.batchNorm(in[0], null, null, EPS),
                    r.uniform(2, 3, 2, 2)),
            OpCase.of("batchNorm [2,2,3] weight only", in -> Normalization.batchNorm(in[0], in[1], null, EPS),
                    r.uniform(2, 2, 3), r.range(0.5, 1.5, 2)),
            OpCase.of("batchNormEval", in -> Normalization.batchNormEval(in[0], runningMean, runningVar, in[1], in[2], EPS),
                    r.uniform(2, 3), r.range(0.5, 1.5, 3), r.uniform(3)),
            OpCase.of("layerNorm [2,3,4] over [4] affine", in -> Normalization.layerNorm(in[0], new int[] {4}, in[1], in[2], EPS),
                    r.uniform(2, 3, 4), r.range(0.5, 1.5, 4), r.uniform(4)),
            OpCase.of("layerNorm [2,2,3] over [2,3] no affine",
                    in -> Normalization.layerNorm(in[0], new int[] {2, 3}, null, null, EPS), r.uniform(2, 2, 3)),
            OpCase.of("layerNorm [3,4] bias only", in -> Normalization.layerNorm(in[0], new int[] {4}, null, in[1], EPS),
                    r.uniform(3, 4), r.uniform(4)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void batchNormOfTwoValuesGivesMinusOneAndOne() {
        Tensor y = Normalization.batchNorm(Tensor.of(new double[] {1, 10, 3, 30}, 2, 2), null, null, 0.0);
        // channel 0: {1, 3}, mean 2, biased var 1; channel 1: {10, 30}, mean 20, var 100
        assertThat(y.toDoubleArray()).containsExactly(-1, -1, 1, 1);
    }

    @Test
    void batchNormAppliesEpsWeightAndBias() {
        Tensor x = Tensor.of(new double[] {1, 3}, 2, 1);
        Tensor y = Normalization.batchNorm(x, Tensor.of(2.0), Tensor.of(0.5), 1e-5);
        double s = 1 / Math.sqrt(1 + 1e-5);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-2 * s + 0.5, 2 * s + 0.5}, within(1e-15));
    }

    @Test
    void batchNormNormalisesEveryChannelOverBatchAndSpace() {
        Tensor x = Tensor.randn(new Generator(9), 3, 2, 2, 2).mul(3).add(1);
        Tensor y = Normalization.batchNorm(x, null, null, 0.0);
        int[] dims = {0, 2, 3};
        assertThat(Reductions.mean(y, dims, false).toDoubleArray()).containsExactly(new double[] {0, 0}, within(1e-14));
        assertThat(Reductions.var(y, dims, false, false).toDoubleArray()).containsExactly(new double[] {1, 1}, within(1e-13));
    }

    @Test
    void batchNormEvalUsesTheRunningStatistics() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor y = Normalization.batchNormEval(x, Tensor.of(1, 2), Tensor.of(4, 1), Tensor.of(1, 10), Tensor.of(0, 1), 0.0);
        // channel 0: (x - 1) / 2; channel 1: (x - 2) * 10 + 1
        assertThat(y.toDoubleArray()).containsExactly(0, 1, 1, 21);
    }

    @Test
    void layerNormKnownValues() {
        Tensor y = Normalization.layerNorm(Tensor.of(1, 2, 3, 4), new int[] {4}, null, null, EPS);
        double s = 1 / Math.sqrt(1.25 + EPS);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s}, within(1e-15));
        Tensor rows = Normalization.layerNorm(Tensor.of(new double[][] {{1, 3}, {10, 30}}), new int[] {2},
                Tensor.of(1, 2), Tensor.of(0, 5), 0.0);
        assertThat(rows.toDoubleArray()).containsExactly(-1, 7, -1, 7);
    }

    @Test
    void gradientOfTheSumOfALayerNormIsZero() {
        // the normalised values always sum to 0, so their sum has zero derivative
        Tensor x = Tensor.of(0.3, -1.2, 2.5, 0.7).requiresGrad(true);
        Tensor[] g = Autograd.grad(Normalization.layerNorm(x, new int[] {4}, null, null, EPS).sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {0, 0, 0, 0}, within(1e-14));
    }

    @Test
    void float32NormalizationStaysFloat32AndMatchesFloat64() {
        Tensor x = Tensor.randn(new Generator(4), DType.FLOAT32, 3, 4);
        Tensor bn = Normalization.batchNorm(x, null, null, EPS);
        Tensor ln = Normalization.layerNorm(x, new int[] {4}, null, null, EPS);
        assertThat(bn.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(ln.dtype()).isEqualTo(DType.FLOAT32);
        Tensor x64 = x.to(DType.FLOAT64);
        double[] bn64 = Normalization.batchNorm(x64, null, null, EPS).toDoubleArray();
        double[] ln64 = Normalization.layerNorm(x64, new int[] {4}, null, null, EPS).toDoubleArray();
        // normalised values are O(1): compare with an absolute float32-level tolerance
        assertThat(bn.toDoubleArray()).containsExactly(bn64, within(1e-5));
        assertThat(ln.toDoubleArray()).containsExactly(ln64, within(1e-5));
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void batchNormRejectsAOneDimensionalInput() {
        assertThatThrownBy(() -> Normalization.batchNorm(Tensor.zeros(4), null, null, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("batchNorm", "[N, C", "[4]");
    }

    @Test
    void batchNormRejectsASingleValuePerChannel() {
        assertThatThrownBy(() -> Normalization.batchNorm(Tensor.zeros(1, 3), null, null, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("batchNorm", "more than 1 value per channel", "[1, 3]");
    }

    @Test
    void batchNormRejectsAWeightOfTheWrongSize() {
        assertThatThrownBy(() -> Normalization.batchNorm(Tensor.zeros(2, 3), Tensor.ones(4), null, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("batchNorm", "weight", "[4]", "3 elements");
    }

    @Test
    void layerNormRejectsANormalizedShapeThatIsNotTrailing() {
        assertThatThrownBy(() -> Normalization.layerNorm(Tensor.zeros(2, 3), new int[] {2}, null, null, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("layerNorm", "[2]", "[2, 3]");
    }

    @Test
    void layerNormRejectsABiasOfTheWrongSize() {
        assertThatThrownBy(() -> Normalization.layerNorm(Tensor.zeros(2, 3), new int[] {3}, null, Tensor.zeros(2), EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("layerNorm", "bias", "[2]", "3 elements");
    }
}
