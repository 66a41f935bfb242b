package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.metagrad.autograd.ops.ArithmeticTest.assertRelativelyClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearAlgebraTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(51);
        return Stream.of(
            OpCase.of("matmul 1D.1D [4]@[4]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(4), r.uniform(4)),
            OpCase.of("matmul 2D@2D [3,4]@[4,2]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(3, 4), r.uniform(4, 2)),
            OpCase.of("matmul 1D@2D [4]@[4,3]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(4), r.uniform(4, 3)),
            OpCase.of("matmul 2D@1D [3,4]@[4]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(3, 4), r.uniform(4)),
            OpCase.of("matmul 1D@ND [4]@[2,4,3]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(4), r.uniform(2, 4, 3)),
            OpCase.of("matmul ND@1D [2,3,4]@[4]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(2, 3, 4), r.uniform(4)),
            OpCase.of("matmul ND@2D [2,3,4]@[4,2]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(2, 3, 4), r.uniform(4, 2)),
            OpCase.of("matmul 2D@ND [3,4]@[2,4,2]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(3, 4), r.uniform(2, 4, 2)),
            OpCase.of("matmul batched [2,3,2]@[2,2,3]", in -> LinearAlgebra.matmul(in[0], in[1]), r.uniform(2, 3, 2),
                    r.uniform(2, 2, 3)),
            OpCase.of("matmul broadcast batched [2,1,3,4]@[5,4,2]", in -> LinearAlgebra.matmul(in[0], in[1]),
                    r.uniform(2, 1, 3, 4), r.uniform(5, 4, 2)),
            OpCase.of("matmul self x@x", in -> LinearAlgebra.matmul(in[0], in[0]), r.uniform(3, 3)),
            OpCase.of("matmul (facade) with transpose", in -> in[0].matmul(in[1].t()), r.uniform(2, 3), r.uniform(4, 3)),
            OpCase.of("linear with bias", in -> LinearAlgebra.linear(in[0], in[1], in[2]), r.uniform(3, 4), r.uniform(2, 4),
                    r.uniform(2)),
            OpCase.of("linear without bias", in -> LinearAlgebra.linear(in[0], in[1], null), r.uniform(3, 4), r.uniform(2, 4)),
            OpCase.of("linear 1D input", in -> LinearAlgebra.linear(in[0], in[1], in[2]), r.uniform(4), r.uniform(3, 4),
                    r.uniform(3)),
            OpCase.of("linear 3D input", in -> LinearAlgebra.linear(in[0], in[1], in[2]), r.uniform(2, 2, 3), r.uniform(2, 3),
                    r.uniform(2)),
            OpCase.of("dot", in -> LinearAlgebra.dot(in[0], in[1]), r.uniform(5), r.uniform(5)),
            OpCase.of("outer", in -> LinearAlgebra.outer(in[0], in[1]), r.uniform(3), r.uniform(2)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void twoByTwoProduct() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[][] {{5, 6}, {7, 8}});
        Tensor c = LinearAlgebra.matmul(a, b);
        assertThat(c.shape()).containsExactly(2, 2);
        assertThat(c.toDoubleArray()).containsExactly(19, 22, 43, 50);
    }

    static Stream<Arguments> matmulShapes() {
        return Stream.of(
            Arguments.of(new int[] {4}, new int[] {4}, new int[] {}),
            Arguments.of(new int[] {3, 4}, new int[] {4, 2}, new int[] {3, 2}),
            Arguments.of(new int[] {4}, new int[] {4, 3}, new int[] {3}),
            Arguments.of(new int[] {3, 4}, new int[] {4}, new int[] {3}),
            Arguments.of(new int[] {4}, new int[] {2, 4, 3}, new int[] {2, 3}),
            Arguments.of(new int[] {2, 3, 4}, new int[] {4}, new int[] {2, 3}),
            Arguments.of(new int[] {2, 3, 4}, new int[] {4, 2}, new int[] {2, 3, 2}),
            Arguments.of(new int[] {3, 4}, new int[] {2, 4, 2}, new int[] {2, 3, 2}),
            Arguments.of(new int[] {2, 1, 3, 4}, new int[] {5, 4, 2}, new int[] {2, 5, 3, 2}),
            Arguments.of(new int[] {1, 3, 4}, new int[] {6, 1, 4, 2}, new int[] {6, 1, 3, 2}));
    }

    @ParameterizedTest(name = "{0} @ {1} -> {2}")
    @MethodSource("matmulShapes")
    void matmulFollowsTorchShapeRulesAndMatchesANaiveProduct(int[] as, int[] bs, int[] expected) {
        Generator g = new Generator(7);
        Tensor a = Tensor.randn(g, as);
        Tensor b = Tensor.randn(g, bs);
        Tensor c = LinearAlgebra.matmul(a, b);
        assertThat(c.shape()).containsExactly(expected);
        assertThat(c.toDoubleArray()).containsExactly(naiveMatmul(a, b), within(1e-12));
    }

    /**
     * Reference product by definition: operands promoted to [..., m, k] and [..., k, n] with 1-D handling,
     * batch indices broadcast by hand. Independent of the library's reshape/expand machinery.
     */
    private static double[] naiveMatmul(Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        double[] av = a.toDoubleArray();
        double[] bv = b.toDoubleArray();
        int m = as.length == 1 ? 1 : as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs.length == 1 ? 1 : bs[bs.length - 1];
        int[] batchA = as.length > 2 ? java.util.Arrays.copyOf(as, as.length - 2) : new int[0];
        int[] batchB = bs.length > 2 ? java.util.Arrays.copyOf(bs, bs.length - 2) : new int[0];
        int rank = Math.max(batchA.length, batchB.length);
        int[] batch = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - batchA.length ? 1 : batchA[i - (rank - batchA.length)];
            int db = i < rank - batchB.length ? 1 : batchB[i - (rank - batchB.length)];
            batch[i] = Math.max(da, db);
        }
        int count = 1;
        for (int d : batch) {
            count *= d;
        }
        double[] out = new double[count * m * n];
        int[] idx = new int[rank];
        for (int p = 0; p < count; p++) {
            int rem = p;
            for (int i = rank - 1; i >= 0; i--) {
                idx[i] = rem % batch[i];
                rem /= batch[i];
            }
            int pa = flatBatch(idx, batchA);
            int pb = flatBatch(idx, batchB);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += av[pa * m * k + i * k + q] * bv[pb * k * n + q * n + j];
                    }
                    out[p * m * n + i * n + j] = s;
                }
            }
        }
        return out;
    }

    private static int flatBatch(int[] idx, int[] shape) {
        int off = idx.length - shape.length;
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            flat = flat * shape[i] + (shape[i] == 1 ? 0 : idx[off + i]);
        }
        return flat;
    }

    static Stream<Arguments> matrixVectorSizes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(1, 7), Arguments.of(7, 1), Arguments.of(5, 3),
                Arguments.of(200, 20), Arguments.of(20, 200));
    }

    /**
     * {@code A v} and {@code vᵀ A} are one node each; their values, gradients and second-order gradients must
     * be bit-for-bit those of the general product through views, {@code squeeze(A @ unsqueeze(v, 1))}.
     */
    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("matrixVectorSizes")
    void matrixVectorProductsAreBitIdenticalToTheGeneralForm(int m, int k) {
        Generator gen = new Generator(13L * m + k);
        Tensor a = Tensor.randn(gen, m, k).requiresGrad(true);
        Tensor v = Tensor.randn(gen, k).requiresGrad(true);
        Tensor u = Tensor.randn(gen, m).requiresGrad(true);
        Tensor g = Tensor.randn(gen, m);
        Tensor h = Tensor.randn(gen, k);
        Tensor mv = LinearAlgebra.matmul(a, v);
        Tensor mvGeneral = Views.squeeze(LinearAlgebra.matmul(a, Views.unsqueeze(v, 1)), -1);
        assertSameBits(new Tensor[] {mv}, new Tensor[] {mvGeneral});
        Tensor vm = LinearAlgebra.matmul(u, a);
        Tensor vmGeneral = Views.squeeze(LinearAlgebra.matmul(Views.unsqueeze(u, 0), a), -2);
        assertSameBits(new Tensor[] {vm}, new Tensor[] {vmGeneral});

        Tensor[] d = Autograd.gradOf(mv).inputs(a, v).gradOutputs(g).createGraph(true).compute();
        Tensor[] dGeneral = Autograd.gradOf(mvGeneral).inputs(a, v).gradOutputs(g).createGraph(true).compute();
        assertSameBits(d, dGeneral);
        Tensor[] e = Autograd.gradOf(vm).inputs(u, a).gradOutputs(h).createGraph(true).compute();
        Tensor[] eGeneral = Autograd.gradOf(vmGeneral).inputs(u, a).gradOutputs(h).createGraph(true).compute();
        assertSameBits(e, eGeneral);
        // second order: d(h·dv)/d(a, g-independent) through the recorded backward
        Tensor s = LinearAlgebra.dot(d[1], h).add(d[0].mul(d[0]).sum());
        Tensor sGeneral = LinearAlgebra.dot(dGeneral[1], h).add(dGeneral[0].mul(dGeneral[0]).sum());
        assertSameBits(Autograd.grad(s, a, v), Autograd.grad(sGeneral, a, v));
        Tensor t = LinearAlgebra.dot(e[0], g).add(e[1].mul(e[1]).sum());
        Tensor tGeneral = LinearAlgebra.dot(eGeneral[0], g).add(eGeneral[1].mul(eGeneral[1]).sum());
        assertSameBits(Autograd.grad(t, u, a), Autograd.grad(tGeneral, u, a));
    }

    @Test
    void matrixVectorProductsStayFloat32() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, DType.FLOAT32, 2, 3);
        Tensor y = LinearAlgebra.matmul(a, Tensor.of(new double[] {1, 0, -1}, DType.FLOAT32, 3));
        Tensor z = LinearAlgebra.matmul(Tensor.of(new double[] {1, -1}, DType.FLOAT32, 2), a);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape()).containsExactly(2);
        assertThat(y.toDoubleArray()).containsExactly(-2, -2);
        assertThat(z.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(z.toDoubleArray()).containsExactly(-3, -3, -3);
    }

    private static void assertSameBits(Tensor[] got, Tensor[] want) {
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i].shape()).containsExactly(want[i].shape());
            double[] x = got[i].toDoubleArray();
            double[] y = want[i].toDoubleArray();
            for (int j = 0; j < x.length; j++) {
                assertThat(Double.doubleToRawLongBits(x[j])).as("tensor %d element %d: %s vs %s", i, j, x[j], y[j])
                        .isEqualTo(Double.doubleToRawLongBits(y[j]));
            }
        }
    }

    @Test
    void gradientOfSummedProductIsRowAndColumnSums() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}).requiresGrad(true);
        Tensor b = Tensor.of(new double[][] {{1, -1, 2}, {0, 3, 1}}).requiresGrad(true);
        Tensor[] g = Autograd.grad(LinearAlgebra.matmul(a, b).sum(), a, b);
        // dA[i,k] = sum_j B[k,j]; dB[k,j] = sum_i A[i,k]
        assertThat(g[0].toDoubleArray()).containsExactly(2, 4, 2, 4, 2, 4);
        assertThat(g[1].toDoubleArray()).containsExactly(9, 9, 9, 12, 12, 12);
    }

    @Test
    void broadcastBatchGradientIsSummedOverTheBroadcastDims() {
        Tensor a = Tensor.ones(1, 2, 3).requiresGrad(true);
        Tensor b = Tensor.ones(4, 3, 2).requiresGrad(true);
        Tensor[] g = Autograd.grad(LinearAlgebra.matmul(a, b).sum(), a, b);
        assertThat(g[0].shape()).containsExactly(1, 2, 3);
        // each a[0,i,k] meets 4 batches x 2 columns of ones
        assertThat(g[0].toDoubleArray()).containsOnly(8.0);
        assertThat(g[1].shape()).containsExactly(4, 3, 2);
        assertThat(g[1].toDoubleArray()).containsOnly(2.0);
    }

    @Test
    void linearComputesXWTransposedPlusBias() {
        Tensor x = Tensor.of(1, 2);
        Tensor w = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor b = Tensor.of(0.5, 0, -1);
        Tensor y = LinearAlgebra.linear(x, w, b);
        assertThat(y.shape()).containsExactly(3);
        assertThat(y.toDoubleArray()).containsExactly(1.5, 2, 2);
        Tensor batch = LinearAlgebra.linear(Tensor.of(new double[][] {{1, 2}, {-1, 1}}), w, null);
        assertThat(batch.shape()).containsExactly(2, 3);
        assertThat(batch.toDoubleArray()).containsExactly(1, 2, 3, -1, 1, 0);
    }

    @Test
    void anEmptyInnerDimensionGivesZerosAsInTorch() {
        // torch: [2,0] @ [0,3] is a [2,3] tensor of zeros; [0,0] @ [0] is empty; the grads keep the input shapes
        Tensor a = Tensor.zeros(2, 0).requiresGrad(true);
        Tensor b = Tensor.zeros(0, 3).requiresGrad(true);
        Tensor y = LinearAlgebra.matmul(a, b);
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.toDoubleArray()).containsOnly(0.0);
        Tensor[] g = Autograd.grad(y.sum(), a, b);
        assertThat(g[0].shape()).containsExactly(2, 0);
        assertThat(g[1].shape()).containsExactly(0, 3);
        Tensor v = Tensor.zeros(0).requiresGrad(true);
        Tensor av = LinearAlgebra.matmul(Tensor.zeros(0, 0), v);
        assertThat(av.shape()).containsExactly(0);
        assertThat(LinearAlgebra.dot(v, av).item()).isEqualTo(0.0);
        Tensor lin = LinearAlgebra.linear(Tensor.zeros(3, 0), Tensor.zeros(2, 0), Tensor.of(1.0, -1.0));
        assertThat(lin.shape()).containsExactly(3, 2);
        assertThat(lin.toDoubleArray()).containsExactly(1, -1, 1, -1, 1, -1);
    }

    @Test
    void dotAndOuterProducts() {
        Tensor dot = LinearAlgebra.dot(Tensor.of(1, 2, 3), Tensor.of(4, 5, 6));
        assertThat(dot.shape()).isEmpty();
        assertThat(dot.item()).isEqualTo(32.0);
        Tensor outer = LinearAlgebra.outer(Tensor.of(1, 2), Tensor.of(3, 4, 5));
        assertThat(outer.shape()).containsExactly(2, 3);
        assertThat(outer.toDoubleArray()).containsExactly(3, 4, 5, 6, 8, 10);
    }

    @Test
    void hessianOfQuadraticFormIsASymmetrised() {
        // f(x) = x^T A x, H = A + A^T
        Tensor a = Tensor.of(new double[][] {{1, 2}, {0, 3}});
        Tensor x = Tensor.of(0.5, -1).requiresGrad(true);
        Tensor f = LinearAlgebra.dot(x, LinearAlgebra.matmul(a, x));
        Tensor[] g = Autograd.gradOf(f).inputs(x).createGraph(true).compute();
        // (A + A^T) x = [[2,2],[2,6]] [0.5,-1] = [-1, -5]
        assertThat(g[0].toDoubleArray()).containsExactly(-1, -5);
        Tensor row0 = Autograd.gradOf(g[0].narrow(0, 0, 1).sum()).inputs(x).retainGraph(true).compute()[0];
        Tensor row1 = Autograd.grad(g[0].narrow(0, 1, 1).sum(), x)[0];
        assertThat(row0.toDoubleArray()).containsExactly(2, 2);
        assertThat(row1.toDoubleArray()).containsExactly(2, 6);
    }

    @Test
    void float32MatmulStaysFloat32AndMatchesFloat64() {
        Generator g = new Generator(3);
        Tensor a32 = Tensor.rand(g, DType.FLOAT32, 2, 3, 5);
        Tensor b32 = Tensor.rand(g, DType.FLOAT32, 5, 4);
        Tensor y32 = LinearAlgebra.matmul(a32, b32);
        assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
        Tensor y64 = LinearAlgebra.matmul(a32.to(DType.FLOAT64), b32.to(DType.FLOAT64));
        assertRelativelyClose("matmul", y32.toDoubleArray(), y64.toDoubleArray(), 1e-6);
        Tensor lin = LinearAlgebra.linear(a32, Tensor.rand(g, DType.FLOAT32, 3, 5), Tensor.rand(g, DType.FLOAT32, 3));
        assertThat(lin.dtype()).isEqualTo(DType.FLOAT32);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void matmulRejectsMismatchedInnerSizesNamingBothShapes() {
        assertThatThrownBy(() -> LinearAlgebra.matmul(Tensor.zeros(3, 4), Tensor.zeros(5, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("matmul", "[3, 4]", "[5, 6]");
    }

    @Test
    void matmulRejectsBatchDimsThatDoNotBroadcast() {
        assertThatThrownBy(() -> LinearAlgebra.matmul(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("matmul", "[2]", "[3]");
    }

    @Test
    void matmulRejectsZeroDimensionalOperands() {
        assertThatThrownBy(() -> LinearAlgebra.matmul(Tensor.scalar(2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("matmul", "[]", "[3]");
    }

    @Test
    void matmulRejectsMixedDtypes() {
        assertThatThrownBy(() -> LinearAlgebra.matmul(Tensor.zeros(2, 2), Tensor.zeros(DType.FLOAT32, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("matmul", "float64", "float32");
    }

    @Test
    void linearRejectsAnInputThatDoesNotEndInInFeatures() {
        assertThatThrownBy(() -> LinearAlgebra.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("linear", "[2, 3]", "[4, 5]");
    }

    @Test
    void linearRejectsABiasOfTheWrongShape() {
        assertThatThrownBy(() -> LinearAlgebra.linear(Tensor.zeros(2, 5), Tensor.zeros(4, 5), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("linear", "bias", "[4]", "[3]");
    }

    @Test
    void linearRejectsAOneDimensionalWeight() {
        assertThatThrownBy(() -> LinearAlgebra.linear(Tensor.zeros(2, 5), Tensor.zeros(5), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("linear", "weight", "2-D", "[5]");
    }

    @Test
    void dotRejectsVectorsOfDifferentLength() {
        assertThatThrownBy(() -> LinearAlgebra.dot(Tensor.zeros(3), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("dot", "[3]", "[4]");
    }

    @Test
    void outerRejectsMatrices() {
        assertThatThrownBy(() -> LinearAlgebra.outer(Tensor.zeros(2, 2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("outer", "[2, 2]", "[3]");
    }
}
