package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.metagrad.autograd.ops.ArithmeticTest.assertRelativelyClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LossesTest implements GradcheckTable {

    /** A leaf {@code base + offset} where every offset has magnitude in [lo, hi): input - target avoids kinks. */
    private static Tensor shifted(Tensor base, double[] offsets) {
        double[] b = base.toDoubleArray();
        double[] d = new double[b.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] + offsets[i];
        }
        return Tensor.of(d, base.shape()).requiresGrad(true);
    }

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(91);
        List<OpCase> cases = new ArrayList<>();
        Tensor target = Tensor.ofLongs(new long[] {0, 2, 1, 2}, 4);
        for (Reduction red : Reduction.values()) {
            String s = " " + red.name().toLowerCase(java.util.Locale.ROOT);
            cases.add(OpCase.of("crossEntropy" + s, in -> Losses.crossEntropy(in[0], target, red, 0.0), r.range(-2, 2, 4, 3)));
            cases.add(OpCase.of("crossEntropy label smoothing 0.1" + s,
                    in -> Losses.crossEntropy(in[0], target, red, 0.1), r.range(-2, 2, 4, 3)));
            cases.add(OpCase.of("nllLoss" + s, in -> Losses.nllLoss(in[0], target, red), r.uniform(4, 3)));
            cases.add(OpCase.of("mseLoss" + s, in -> Losses.mseLoss(in[0], in[1], red), r.uniform(2, 3), r.uniform(2, 3)));
            Tensor t1 = r.uniform(2, 3);
            cases.add(OpCase.of("l1Loss" + s, in -> Losses.l1Loss(in[0], in[1], red),
                    shifted(t1, r.awayFromZero(2, 3).toDoubleArray()), t1));
            cases.add(OpCase.of("binaryCrossEntropyWithLogits" + s,
                    in -> Losses.binaryCrossEntropyWithLogits(in[0], in[1], red), r.awayFromZeroIn(0.1, 3, 2, 3),
                    r.range(0, 1, 2, 3)));
            Tensor t2 = r.uniform(6);
            // |d| in {0.3, 0.6, 1.5, 2.0}: both sides of delta = beta = 1, away from it
            double[] d = {0.3, -0.6, 1.5, -2.0, -0.3, 0.6};
            cases.add(OpCase.of("huberLoss delta 1" + s, in -> Losses.huberLoss(in[0], in[1], red, 1.0), shifted(t2, d), t2));
            cases.add(OpCase.of("smoothL1Loss beta 1" + s, in -> Losses.smoothL1Loss(in[0], in[1], red, 1.0),
                    shifted(t2, d), t2));
            cases.add(OpCase.of("smoothL1Loss beta 0" + s, in -> Losses.smoothL1Loss(in[0], in[1], red, 0.0),
                    shifted(t2, d), t2));
        }
        cases.add(OpCase.of("crossEntropy default", in -> Losses.crossEntropy(in[0], target), r.range(-2, 2, 4, 3)));
        cases.add(OpCase.of("binaryCrossEntropyWithLogits broadcast target",
                in -> Losses.binaryCrossEntropyWithLogits(in[0], in[1], Reduction.MEAN), r.awayFromZeroIn(0.1, 3, 2, 3),
                r.range(0, 1, 3)));
        return cases.stream();
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    private static final Tensor LOGITS = Tensor.of(new double[][] {{0, Math.log(3)}, {Math.log(3), 0}});
    private static final Tensor TARGET = Tensor.ofLongs(new long[] {1, 1}, 2);

    @Test
    void crossEntropyIsMinusLogSoftmaxOfTheTarget() {
        // row 0: p(target 1) = 3/4; row 1: p(target 1) = 1/4
        Tensor none = Losses.crossEntropy(LOGITS, TARGET, Reduction.NONE, 0.0);
        assertThat(none.shape()).containsExactly(2);
        assertThat(none.toDoubleArray()).containsExactly(new double[] {-Math.log(0.75), -Math.log(0.25)}, within(1e-15));
        assertThat(Losses.crossEntropy(LOGITS, TARGET, Reduction.SUM, 0.0).item())
                .isCloseTo(-Math.log(0.75) - Math.log(0.25), within(1e-15));
        assertThat(Losses.crossEntropy(LOGITS, TARGET).item())
                .isCloseTo((-Math.log(0.75) - Math.log(0.25)) / 2, within(1e-15));
    }

    @Test
    void crossEntropyWithLabelSmoothingMixesInTheUniformTarget() {
        Tensor logits = Tensor.of(new double[] {0, Math.log(3)}, 1, 2);
        Tensor loss = Losses.crossEntropy(logits, Tensor.ofLongs(new long[] {1}, 1), Reduction.MEAN, 0.1);
        // 0.9 * -log(3/4) + (0.1 / 2) * (-log(1/4) - log(3/4)), from Python's math module
        assertThat(loss.item()).isCloseTo(0.3426126868851864, within(1e-15));
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        Tensor x = LOGITS.detach().requiresGrad(true);
        Tensor[] g = Autograd.grad(Losses.crossEntropy(x, TARGET), x);
        // softmax rows [1/4, 3/4] and [3/4, 1/4], minus one-hot [0, 1], divided by N = 2
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {0.125, -0.125, 0.375, -0.375}, within(1e-15));
    }

    @Test
    void nllLossPicksMinusTheTargetEntry() {
        Tensor lp = Tensor.of(new double[][] {{-1, -2, -3}, {-4, -5, -6}});
        Tensor t = Tensor.ofLongs(new long[] {2, 0}, 2);
        assertThat(Losses.nllLoss(lp, t, Reduction.NONE).toDoubleArray()).containsExactly(3, 4);
        assertThat(Losses.nllLoss(lp, t, Reduction.MEAN).item()).isEqualTo(3.5);
        assertThat(Losses.nllLoss(lp, t, Reduction.SUM).item()).isEqualTo(7);
    }

    @Test
    void mseAndL1KnownValues() {
        Tensor x = Tensor.of(1, 2, 3);
        Tensor y = Tensor.of(0, 4, 3);
        assertThat(Losses.mseLoss(x, y, Reduction.NONE).toDoubleArray()).containsExactly(1, 4, 0);
        assertThat(Losses.mseLoss(x, y, Reduction.MEAN).item()).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(Losses.mseLoss(x, y, Reduction.SUM).item()).isEqualTo(5);
        assertThat(Losses.l1Loss(x, y, Reduction.NONE).toDoubleArray()).containsExactly(1, 2, 0);
        assertThat(Losses.l1Loss(x, y, Reduction.MEAN).item()).isEqualTo(1);
    }

    @Test
    void mseGradientIsTwoDifferenceOverN() {
        Tensor x = Tensor.of(1, 2, 3, 4).requiresGrad(true);
        Tensor y = Tensor.of(0, 0, 0, 0);
        assertThat(Autograd.grad(Losses.mseLoss(x, y, Reduction.MEAN), x)[0].toDoubleArray()).containsExactly(0.5, 1, 1.5, 2);
    }

    @Test
    void binaryCrossEntropyWithLogitsKnownValuesAndStability() {
        Tensor loss = Losses.binaryCrossEntropyWithLogits(Tensor.of(0, 2, -2, 1000, -1000), Tensor.of(0.3, 1, 0, 1, 0),
                Reduction.NONE);
        // ln 2; ln(1 + e^-2) twice; 0 in both saturated cases
        assertThat(loss.toDoubleArray()).containsExactly(
                new double[] {0.6931471805599453, 0.1269280110429725, 0.1269280110429725, 0, 0}, within(1e-15));
        Tensor x = Tensor.of(0.0, 2.0).requiresGrad(true);
        Tensor t = Tensor.of(0.3, 1.0).requiresGrad(true);
        Tensor[] g = Autograd.grad(Losses.binaryCrossEntropyWithLogits(x, t, Reduction.SUM), x, t);
        // dl/dx = sigmoid(x) - t, dl/dt = -x
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {0.2, 1 / (1 + Math.exp(-2)) - 1}, within(1e-15));
        assertThat(g[1].toDoubleArray()).containsExactly(-0.0, -2.0);
    }

    @Test
    void huberAndSmoothL1KnownValues() {
        Tensor x = Tensor.of(0.5, 2, -3);
        Tensor zero = Tensor.zeros(3);
        assertThat(Losses.huberLoss(x, zero, Reduction.NONE, 1.0).toDoubleArray()).containsExactly(0.125, 1.5, 2.5);
        assertThat(Losses.huberLoss(x, zero, Reduction.NONE, 2.0).toDoubleArray()).containsExactly(0.125, 2, 4);
        assertThat(Losses.smoothL1Loss(x, zero, Reduction.NONE, 1.0).toDoubleArray()).containsExactly(0.125, 1.5, 2.5);
        assertThat(Losses.smoothL1Loss(x, zero, Reduction.NONE, 2.0).toDoubleArray()).containsExactly(0.0625, 1, 2);
        assertThat(Losses.smoothL1Loss(x, zero, Reduction.NONE, 0.0).toDoubleArray()).containsExactly(0.5, 2, 3);
        assertThat(Losses.huberLoss(x, zero, Reduction.SUM, 1.0).item()).isEqualTo(4.125);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Reduction.class)
    void float32LossesStayFloat32AndMatchFloat64(Reduction red) {
        Tensor x32 = Tensor.ofFloats(new float[] {0.5f, -1f, 2f, 0f, 3f, -0.25f}, 2, 3);
        Tensor x64 = x32.to(DType.FLOAT64);
        Tensor t = Tensor.ofLongs(new long[] {2, 0}, 2);
        Tensor ce32 = Losses.crossEntropy(x32, t, red, 0.1);
        assertThat(ce32.dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("crossEntropy", ce32.toDoubleArray(), Losses.crossEntropy(x64, t, red, 0.1).toDoubleArray(), 1e-6);
        Tensor y32 = Tensor.ofFloats(new float[] {0.25f, 0f, 1.5f, -1f, 2f, 0.75f}, 2, 3);
        Tensor mse32 = Losses.mseLoss(x32, y32, red);
        assertThat(mse32.dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("mse", mse32.toDoubleArray(), Losses.mseLoss(x64, y32.to(DType.FLOAT64), red).toDoubleArray(), 1e-6);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void crossEntropyRejectsATargetOutOfRange() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.ofLongs(new long[] {0, 3}, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("crossEntropy", "target 3", "position 1", "3 classes");
    }

    @Test
    void crossEntropyRejectsANegativeTarget() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.ofLongs(new long[] {-1, 0}, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("crossEntropy", "target -1");
    }

    @Test
    void crossEntropyRejectsAFloatTargetHoldingNaN() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("crossEntropy", "target", "NaN", "int64");
    }

    @Test
    void crossEntropyRejectsAFloatTarget() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("crossEntropy", "target", "int64", "float64");
    }

    @Test
    void crossEntropyRejectsMismatchedBatchSizes() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.ofLongs(new long[] {0, 1, 2}, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("crossEntropy", "[2, 3]", "[3]");
    }

    @Test
    void crossEntropyRejectsLabelSmoothingAboveOne() {
        assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(1, 2), Tensor.ofLongs(new long[] {0}, 1), Reduction.MEAN, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("crossEntropy", "labelSmoothing", "1.5");
    }

    @Test
    void nllLossRejectsATargetOutOfRange() {
        assertThatThrownBy(() -> Losses.nllLoss(Tensor.zeros(1, 2), Tensor.ofLongs(new long[] {2}, 1), Reduction.MEAN))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("nllLoss", "target 2", "2 classes");
    }

    @Test
    void mseLossRejectsShapesThatDoNotBroadcast() {
        assertThatThrownBy(() -> Losses.mseLoss(Tensor.zeros(3), Tensor.zeros(4), Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("[3]", "[4]");
    }

    @Test
    void huberLossRejectsANonPositiveDelta() {
        assertThatThrownBy(() -> Losses.huberLoss(Tensor.zeros(3), Tensor.zeros(3), Reduction.MEAN, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("huberLoss", "delta");
    }

    @Test
    void smoothL1LossRejectsANegativeBeta() {
        assertThatThrownBy(() -> Losses.smoothL1Loss(Tensor.zeros(3), Tensor.zeros(3), Reduction.MEAN, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("smoothL1Loss", "beta");
    }
}
