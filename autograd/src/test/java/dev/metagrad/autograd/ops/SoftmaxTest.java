package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
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

class SoftmaxTest implements GradcheckTable {

    private static Tensor weighted(Tensor y) {
        double[] w = new double[y.numel()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + 0.3 * i;
        }
        return Arithmetic.mul(y, Tensor.of(w, y.shape()));
    }

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(81);
        return Stream.of(
            OpCase.of("softmax dim 1", in -> Softmax.softmax(in[0], 1), r.range(-2, 2, 2, 3)),
            OpCase.of("softmax dim 0", in -> Softmax.softmax(in[0], 0), r.range(-2, 2, 3, 2)),
            OpCase.of("softmax dim -1 of 3D", in -> weighted(Softmax.softmax(in[0], -1)), r.range(-2, 2, 2, 2, 3)),
            OpCase.of("softmax 1D (facade)", in -> in[0].softmax(0), r.range(-2, 2, 4)),
            OpCase.of("logSoftmax dim 1", in -> Softmax.logSoftmax(in[0], 1), r.range(-2, 2, 2, 3)),
            OpCase.of("logSoftmax dim 0", in -> weighted(Softmax.logSoftmax(in[0], 0)), r.range(-2, 2, 3, 2)),
            OpCase.of("logSoftmax (facade)", in -> in[0].logSoftmax(-1), r.range(-2, 2, 4)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    @Test
    void softmaxRowsSumToOne() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {-5, 0, 5}, {100, 100, 100}});
        double[] s = Reductions.sum(Softmax.softmax(x, 1), new int[] {1}, false).toDoubleArray();
        assertThat(s).containsExactly(new double[] {1, 1, 1}, within(1e-14));
    }

    @Test
    void softmaxKnownValues() {
        Tensor y = Softmax.softmax(Tensor.of(0, Math.log(3)), 0);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {0.25, 0.75}, within(1e-15));
        Tensor uniform = Softmax.softmax(Tensor.of(7, 7, 7, 7), 0);
        assertThat(uniform.toDoubleArray()).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-15));
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        Tensor y = Softmax.softmax(Tensor.of(1000, 1000 + Math.log(3)), 0);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {0.25, 0.75}, within(1e-12));
        Tensor ly = Softmax.logSoftmax(Tensor.of(-1000, 0), 0);
        assertThat(ly.toDoubleArray()).containsExactly(new double[] {-1000, 0}, within(1e-12));
    }

    @Test
    void logSoftmaxIsLogOfSoftmax() {
        Tensor x = Tensor.of(new double[][] {{0.1, -0.4, 2.0}, {1.0, 1.5, -3.0}});
        double[] ls = Softmax.logSoftmax(x, 1).toDoubleArray();
        double[] s = Softmax.softmax(x, 1).toDoubleArray();
        for (int i = 0; i < s.length; i++) {
            assertThat(ls[i]).isCloseTo(Math.log(s[i]), within(1e-14));
        }
        // row 0 by hand: x - log(sum exp x)
        double lse = Math.log(Math.exp(0.1) + Math.exp(-0.4) + Math.exp(2.0));
        assertThat(ls[0]).isCloseTo(0.1 - lse, within(1e-15));
    }

    @Test
    void softmaxJacobianIsDiagPMinusPPTransposed() {
        Tensor x = Tensor.of(0, Math.log(3)).requiresGrad(true);
        // d p0 / dx = p0 (e0 - p) = 0.25 * [0.75, -0.75]
        Tensor p = Softmax.softmax(x, 0);
        Tensor[] g = Autograd.grad(p.narrow(0, 0, 1).sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {0.1875, -0.1875}, within(1e-15));
    }

    @Test
    void float32SoftmaxStaysFloat32AndMatchesFloat64() {
        Tensor x32 = Tensor.ofFloats(new float[] {0.5f, -1f, 2f, 0f, 3f, -0.25f}, 2, 3);
        Tensor y32 = Softmax.softmax(x32, 1);
        assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("softmax", y32.toDoubleArray(), Softmax.softmax(x32.to(DType.FLOAT64), 1).toDoubleArray(), 1e-6);
        assertThat(Softmax.logSoftmax(x32, 1).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void softmaxRejectsADimOutOfRange() {
        assertThatThrownBy(() -> Softmax.softmax(Tensor.zeros(2, 3), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("logsumexp", "dim 2", "rank 2");
    }
}
