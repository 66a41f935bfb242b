package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PoolingTest implements GradcheckTable {
    private static final int[] ONE = {1, 1};
    private static final int[] ZERO = {0, 0};
    private static final int[] TWO = {2, 2};

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(121);
        return Stream.of(
            OpCase.of("maxPool2d k2 s2", in -> Pooling.maxPool2d(in[0], TWO, TWO, ZERO, ONE, false), r.distinct(1, 2, 4, 4)),
            OpCase.of("maxPool2d k3 s2 p1", in -> Pooling.maxPool2d(in[0], new int[] {3, 3}, TWO, ONE, ONE, false),
                    r.distinct(1, 1, 5, 5)),
            OpCase.of("maxPool2d k2 s1 dilation 2", in -> Pooling.maxPool2d(in[0], TWO, ONE, ZERO, TWO, false),
                    r.distinct(1, 1, 5, 5)),
            OpCase.of("maxPool2d ceilMode k2 s2 on 5x5", in -> Pooling.maxPool2d(in[0], TWO, TWO, ZERO, ONE, true),
                    r.distinct(1, 1, 5, 5)),
            OpCase.of("maxPool2d default stride", in -> Pooling.maxPool2d(in[0], TWO, null, ZERO, ONE, false),
                    r.distinct(2, 1, 4, 4)),
            OpCase.of("maxPool2d rectangular k(2,3) s(1,2) p(1,1) ceil",
                    in -> Pooling.maxPool2d(in[0], new int[] {2, 3}, new int[] {1, 2}, ONE, ONE, true), r.distinct(1, 1, 4, 5)),
            OpCase.of("avgPool2d k2 s2", in -> Pooling.avgPool2d(in[0], TWO, TWO, ZERO, false, true, null), r.uniform(1, 2, 4, 4)),
            OpCase.of("avgPool2d k3 s2 p1 countIncludePad",
                    in -> Pooling.avgPool2d(in[0], new int[] {3, 3}, TWO, ONE, false, true, null), r.uniform(1, 1, 5, 5)),
            OpCase.of("avgPool2d k3 s2 p1 countIncludePad false",
                    in -> Pooling.avgPool2d(in[0], new int[] {3, 3}, TWO, ONE, false, false, null), r.uniform(1, 1, 5, 5)),
            OpCase.of("avgPool2d ceilMode p1 countIncludePad false",
                    in -> Pooling.avgPool2d(in[0], TWO, TWO, ONE, true, false, null), r.uniform(1, 1, 4, 4)),
            OpCase.of("avgPool2d ceilMode countIncludePad", in -> Pooling.avgPool2d(in[0], TWO, TWO, ZERO, true, true, null),
                    r.uniform(1, 1, 5, 5)),
            OpCase.of("avgPool2d divisorOverride 3", in -> Pooling.avgPool2d(in[0], TWO, ONE, ZERO, false, true, 3),
                    r.uniform(1, 1, 3, 3)),
            OpCase.of("avgPool2d default stride", in -> Pooling.avgPool2d(in[0], TWO, null, ZERO, false, true, null),
                    r.uniform(2, 1, 2, 4)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    private static Tensor image(int h, int w) {
        return Tensor.arange(h * w).reshape(1, 1, h, w);
    }

    @Test
    void maxPoolPicksWindowMaximaAndRoutesGradientThere() {
        Tensor x = image(4, 4).detach().requiresGrad(true);
        Tensor y = Pooling.maxPool2d(x, TWO, TWO, ZERO, ONE, false);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        assertThat(y.toDoubleArray()).containsExactly(5, 7, 13, 15);
        double[] g = Autograd.grad(y.sum(), x)[0].toDoubleArray();
        double[] expected = new double[16];
        expected[5] = expected[7] = expected[13] = expected[15] = 1;
        assertThat(g).containsExactly(expected);
    }

    @Test
    void maxPoolPaddingNeverWinsEvenForNegativeInputs() {
        Tensor x = image(3, 3).sub(100);
        Tensor y = Pooling.maxPool2d(x, new int[] {3, 3}, ONE, ONE, ONE, false);
        assertThat(y.shape()).containsExactly(1, 1, 3, 3);
        assertThat(y.toDoubleArray()).containsExactly(-96, -95, -95, -93, -92, -92, -93, -92, -92);
    }

    @Test
    void maxPoolCeilModeAddsPartialWindows() {
        Tensor x = image(5, 5);
        assertThat(Pooling.maxPool2d(x, TWO, TWO, ZERO, ONE, false).shape()).containsExactly(1, 1, 2, 2);
        Tensor ceil = Pooling.maxPool2d(x, TWO, TWO, ZERO, ONE, true);
        assertThat(ceil.shape()).containsExactly(1, 1, 3, 3);
        assertThat(ceil.toDoubleArray()).containsExactly(6, 8, 9, 16, 18, 19, 21, 23, 24);
    }

    @Test
    void maxPoolDilationSpreadsTheWindow() {
        Tensor y = Pooling.maxPool2d(image(3, 3).neg(), TWO, ONE, ZERO, TWO, false);
        // the single window reads x[0,0], x[0,2], x[2,0], x[2,2] of -x
        assertThat(y.shape()).containsExactly(1, 1, 1, 1);
        assertThat(y.item()).isEqualTo(0);
    }

    @Test
    void avgPoolDivisorDependsOnCountIncludePadAndOverride() {
        Tensor ones = Tensor.ones(1, 1, 3, 3);
        int[] k3 = {3, 3};
        // each of the 2x2 windows covers 4 input elements and 5 padding elements
        assertThat(Pooling.avgPool2d(ones, k3, TWO, ONE, false, true, null).toDoubleArray())
                .containsExactly(new double[] {4 / 9.0, 4 / 9.0, 4 / 9.0, 4 / 9.0}, within(1e-15));
        assertThat(Pooling.avgPool2d(ones, k3, TWO, ONE, false, false, null).toDoubleArray()).containsExactly(1, 1, 1, 1);
        assertThat(Pooling.avgPool2d(ones, k3, TWO, ONE, false, true, 2).toDoubleArray()).containsExactly(2, 2, 2, 2);
    }

    @Test
    void avgPoolCeilModeDividesPartialWindowsByTheirSizeInsideTheInput() {
        Tensor y = Pooling.avgPool2d(image(3, 3), TWO, TWO, ZERO, true, true, null);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        // {0,1,3,4} / 4, {2,5} / 2, {6,7} / 2, {8} / 1
        assertThat(y.toDoubleArray()).containsExactly(2, 3.5, 6.5, 8);
    }

    @Test
    void avgPoolGradientSpreadsOverTheWindow() {
        Tensor x = Tensor.zeros(1, 1, 2, 2).requiresGrad(true);
        Tensor[] g = Autograd.grad(Pooling.avgPool2d(x, TWO, TWO, ZERO, false, true, null).sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void poolingKeepsFloat32() {
        Tensor x = Tensor.ones(DType.FLOAT32, 1, 1, 4, 4);
        assertThat(Pooling.maxPool2d(x, TWO, TWO, ZERO, ONE, false).dtype()).isEqualTo(DType.FLOAT32);
        Tensor avg = Pooling.avgPool2d(x, TWO, TWO, ONE, false, true, null);
        assertThat(avg.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(avg.toFloatArray()[0]).isEqualTo(0.25f);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void maxPoolRejectsPaddingAboveHalfTheKernel() {
        assertThatThrownBy(() -> Pooling.maxPool2d(Tensor.zeros(1, 1, 4, 4), TWO, TWO, TWO, ONE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxPool2d", "padding 2", "kernel size 2");
    }

    @Test
    void maxPoolRejectsANonFourDimensionalInput() {
        assertThatThrownBy(() -> Pooling.maxPool2d(Tensor.zeros(4, 4), TWO, TWO, ZERO, ONE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxPool2d", "4-D", "[4, 4]");
    }

    @Test
    void maxPoolRejectsAnInputSmallerThanTheKernel() {
        assertThatThrownBy(() -> Pooling.maxPool2d(Tensor.zeros(1, 1, 1, 1), TWO, TWO, ZERO, ONE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxPool2d", "[1, 1, 1, 1]", "too small");
    }

    @Test
    void avgPoolRejectsAZeroDivisorOverride() {
        assertThatThrownBy(() -> Pooling.avgPool2d(Tensor.zeros(1, 1, 4, 4), TWO, TWO, ZERO, false, true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("avgPool2d", "divisorOverride");
    }

    @Test
    void avgPoolRejectsAZeroKernel() {
        assertThatThrownBy(() -> Pooling.avgPool2d(Tensor.zeros(1, 1, 4, 4), new int[] {0, 2}, TWO, ZERO, false, true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("avgPool2d", "kernel", "[0, 2]");
    }
}
