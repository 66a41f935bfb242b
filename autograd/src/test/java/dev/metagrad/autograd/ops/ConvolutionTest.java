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

import static dev.metagrad.autograd.ops.ArithmeticTest.assertRelativelyClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConvolutionTest implements GradcheckTable {
    private static final int[] ONE = {1, 1};
    private static final int[] ZERO = {0, 0};

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(111);
        return Stream.of(
            OpCase.of("conv2d basic, no bias", in -> Convolution.conv2d(in[0], in[1], null, ONE, ZERO, ONE, 1),
                    r.uniform(1, 2, 4, 4), r.uniform(3, 2, 2, 2)),
            OpCase.of("conv2d bias, stride 2, padding 1",
                    in -> Convolution.conv2d(in[0], in[1], in[2], new int[] {2, 2}, new int[] {1, 1}, ONE, 1),
                    r.uniform(1, 2, 4, 4), r.uniform(2, 2, 3, 3), r.uniform(2)),
            OpCase.of("conv2d dilation 2 with bias",
                    in -> Convolution.conv2d(in[0], in[1], in[2], ONE, ZERO, new int[] {2, 2}, 1),
                    r.uniform(1, 1, 5, 5), r.uniform(2, 1, 2, 2), r.uniform(2)),
            OpCase.of("conv2d groups 2 with bias", in -> Convolution.conv2d(in[0], in[1], in[2], ONE, ZERO, ONE, 2),
                    r.uniform(1, 4, 3, 3), r.uniform(4, 2, 2, 2), r.uniform(4)),
            OpCase.of("conv2d depthwise (groups = channels), padding 1",
                    in -> Convolution.conv2d(in[0], in[1], null, ONE, new int[] {1, 1}, ONE, 2),
                    r.uniform(1, 2, 3, 3), r.uniform(2, 1, 2, 2)),
            OpCase.of("conv2d rectangular stride/padding/dilation",
                    in -> Convolution.conv2d(in[0], in[1], in[2], new int[] {1, 2}, new int[] {0, 1}, new int[] {2, 1}, 1),
                    r.uniform(1, 2, 5, 4), r.uniform(2, 2, 2, 3), r.uniform(2)),
            OpCase.of("conv2d batch 2, no bias", in -> Convolution.conv2d(in[0], in[1], null, ONE, ZERO, ONE, 1),
                    r.uniform(2, 2, 3, 3), r.uniform(1, 2, 2, 2)),
            OpCase.of("conv2d then tanh", in -> Activations.tanh(Convolution.conv2d(in[0], in[1], null, ONE, ZERO, ONE, 1)),
                    r.uniform(1, 1, 3, 3), r.uniform(1, 1, 2, 2)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values: x = 1..9 as a 3x3 image, w = [[1, 2], [3, 4]]

    private static final Tensor X = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
    private static final Tensor W = Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);

    @Test
    void conv2dMatchesAHandComputedCrossCorrelation() {
        Tensor y = Convolution.conv2d(X, W, null, ONE, ZERO, ONE, 1);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        // (0,0): 1*1 + 2*2 + 4*3 + 5*4 = 37, and so on
        assertThat(y.toDoubleArray()).containsExactly(37, 47, 67, 77);
        Tensor withBias = Convolution.conv2d(X, W, Tensor.of(-7.0), ONE, ZERO, ONE, 1);
        assertThat(withBias.toDoubleArray()).containsExactly(30, 40, 60, 70);
    }

    @Test
    void conv2dWithPaddingAndStrideByHand() {
        Tensor y = Convolution.conv2d(X, W, null, new int[] {2, 2}, new int[] {1, 1}, ONE, 1);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        // (0,0) sees only x[0,0] under w[1,1]; (0,1) x[0,1] w[1,0] + x[0,2] w[1,1]; (1,0) x[1,0] w[0,1] + x[2,0] w[1,1]
        assertThat(y.toDoubleArray()).containsExactly(4, 18, 36, 77);
    }

    @Test
    void conv2dWithDilationSkipsInputs() {
        Tensor y = Convolution.conv2d(X, W, null, ONE, ZERO, new int[] {2, 2}, 1);
        assertThat(y.shape()).containsExactly(1, 1, 1, 1);
        // x[0,0]*1 + x[0,2]*2 + x[2,0]*3 + x[2,2]*4
        assertThat(y.item()).isEqualTo(64);
    }

    @Test
    void conv2dGroupsKeepChannelsSeparate() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2);
        Tensor w = Tensor.of(new double[] {2, 3}, 2, 1, 1, 1);
        Tensor y = Convolution.conv2d(x, w, null, ONE, ZERO, ONE, 2);
        assertThat(y.toDoubleArray()).containsExactly(2, 4, 6, 8, 30, 60, 90, 120);
        Tensor mixed = Convolution.conv2d(x, Tensor.of(new double[] {2, 3}, 1, 2, 1, 1), null, ONE, ZERO, ONE, 1);
        assertThat(mixed.toDoubleArray()).containsExactly(32, 64, 96, 128);
    }

    @Test
    void conv2dOutputShapeFollowsTheTorchFormula() {
        Tensor x = Tensor.zeros(2, 3, 7, 6);
        Tensor w = Tensor.zeros(4, 3, 3, 2);
        // floor((7 + 2*1 - 2*(3-1) - 1)/2) + 1 = 3; floor((6 + 0 - 1*(2-1) - 1)/1) + 1 = 5
        Tensor y = Convolution.conv2d(x, w, null, new int[] {2, 1}, new int[] {1, 0}, new int[] {2, 1}, 1);
        assertThat(y.shape()).containsExactly(2, 4, 3, 5);
    }

    @Test
    void conv2dInputGradientCountsKernelTaps() {
        Tensor x = Tensor.zeros(1, 1, 3, 3).requiresGrad(true);
        Tensor w = Tensor.ones(1, 1, 2, 2).requiresGrad(true);
        Tensor[] g = Autograd.grad(Convolution.conv2d(x, w, null, ONE, ZERO, ONE, 1).sum(), x, w);
        assertThat(g[0].toDoubleArray()).containsExactly(1, 2, 1, 2, 4, 2, 1, 2, 1);
        assertThat(g[1].toDoubleArray()).containsExactly(0, 0, 0, 0);
        Tensor[] gw = Autograd.grad(Convolution.conv2d(X, w, null, ONE, ZERO, ONE, 1).sum(), w);
        // each weight tap sums a 2x2 block of x: {1,2,4,5}, {2,3,5,6}, {4,5,7,8}, {5,6,8,9}
        assertThat(gw[0].toDoubleArray()).containsExactly(12, 16, 24, 28);
    }

    @Test
    void float32ConvolutionStaysFloat32AndMatchesFloat64() {
        Generator g = new Generator(5);
        Tensor x = Tensor.rand(g, DType.FLOAT32, 1, 2, 4, 4);
        Tensor w = Tensor.rand(g, DType.FLOAT32, 2, 2, 3, 3);
        Tensor b = Tensor.rand(g, DType.FLOAT32, 2);
        Tensor y32 = Convolution.conv2d(x, w, b, ONE, new int[] {1, 1}, ONE, 1);
        assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
        Tensor y64 = Convolution.conv2d(x.to(DType.FLOAT64), w.to(DType.FLOAT64), b.to(DType.FLOAT64), ONE, new int[] {1, 1},
                ONE, 1);
        assertRelativelyClose("conv2d", y32.toDoubleArray(), y64.toDoubleArray(), 1e-6);
        assertThat(y64.toDoubleArray()[0]).isCloseTo(y32.toDoubleArray()[0], within(1e-5));
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void conv2dRejectsAChannelMismatch() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 3, 4, 4), Tensor.zeros(2, 2, 3, 3), null, ONE, ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "[2, 2, 3, 3]", "[1, 3, 4, 4]", "input channels");
    }

    @Test
    void conv2dRejectsGroupsThatDoNotDivideTheChannels() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 3, 4, 4), Tensor.zeros(2, 1, 3, 3), null, ONE, ZERO, ONE, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "groups 2", "in_channels 3");
    }

    @Test
    void conv2dRejectsAKernelLargerThanThePaddedInput() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3), null, ONE, ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "kernel 3x3", "2x2");
    }

    @Test
    void conv2dRejectsABiasOfTheWrongShape() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 1, 3, 3), Tensor.zeros(2, 1, 2, 2), Tensor.zeros(3), ONE,
                ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "bias", "[2]", "[3]");
    }

    @Test
    void conv2dRejectsAZeroStride() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 1, 3, 3), Tensor.zeros(1, 1, 2, 2), null, new int[] {0, 1},
                ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "stride", "[0, 1]");
    }

    @Test
    void conv2dRejectsAThreeDimensionalInput() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 3, 3), Tensor.zeros(1, 1, 2, 2), null, ONE, ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "input", "4-D", "[1, 3, 3]");
    }

    @Test
    void conv2dRejectsMixedDtypes() {
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(1, 1, 3, 3), Tensor.zeros(DType.FLOAT32, 1, 1, 2, 2), null, ONE,
                ZERO, ONE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("conv2d", "float64", "float32");
    }
}
