package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The matrix-vector kernels must give every output element bit-for-bit the sequential sum
 * {@code ((y + M[i,0] x[0]) + M[i,1] x[1]) + ...} that the naive matmul loop computes, for row and column counts
 * on every edge of their groups of four, both memory layouts of the matrix, offset arrays, and through
 * {@link CpuMatmul#batched} for every product with one output column ({@code n = 1}) or row ({@code m = 1}).
 */
class CpuMatvecTest {
    /** Row counts around the groups of four rows, and the ridge benchmark's 20 and 200. */
    private static final int[] ROWS = {1, 3, 4, 5, 7, 8, 9, 13, 20, 200};
    /** Depths around the groups of four columns. */
    private static final int[] DEPTHS = {1, 2, 3, 4, 5, 7, 8, 9, 20, 200};

    static Stream<Arguments> layouts() {
        List<Arguments> out = new ArrayList<>();
        for (int rows : ROWS) {
            for (int k : DEPTHS) {
                for (boolean columnMajor : new boolean[] {false, true}) {
                    out.add(Arguments.of(rows, k, columnMajor));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "f64 rows={0} k={1} columnMajor={2}")
    @MethodSource("layouts")
    void float64IsTheSequentialSumStartingFromY(int rows, int k, boolean columnMajor) {
        Random rng = new Random(97L * rows + k);
        int mo = 3;
        int rs = columnMajor ? 1 : k;
        int cs = columnMajor ? rows : 1;
        double[] m = gaussian(rng, mo + rows * k);
        double[] x = gaussian(rng, 1 + k);
        double[] y = gaussian(rng, 2 + rows + 1);
        double[] want = y.clone();
        for (int i = 0; i < rows; i++) {
            double s = want[2 + i];
            for (int q = 0; q < k; q++) {
                s += m[mo + i * rs + q * cs] * x[1 + q];
            }
            want[2 + i] = s;
        }
        CpuMatvec.matvec(m, mo, rs, cs, x, 1, y, 2, rows, k);
        assertThat(y).containsExactly(want);
    }

    @ParameterizedTest(name = "f32 rows={0} k={1} columnMajor={2}")
    @MethodSource("layouts")
    void float32IsTheSequentialFloatSum(int rows, int k, boolean columnMajor) {
        Random rng = new Random(89L * rows + k);
        int rs = columnMajor ? 1 : k;
        int cs = columnMajor ? rows : 1;
        float[] m = floats(gaussian(rng, rows * k));
        float[] x = floats(gaussian(rng, k));
        float[] y = floats(gaussian(rng, rows));
        float[] want = y.clone();
        for (int i = 0; i < rows; i++) {
            float s = want[i];
            for (int q = 0; q < k; q++) {
                s += m[i * rs + q * cs] * x[q];
            }
            want[i] = s;
        }
        CpuMatvec.matvec(m, 0, rs, cs, x, 0, y, 0, rows, k);
        assertThat(y).containsExactly(want);
    }

    static Stream<Arguments> thinProducts() {
        List<Arguments> out = new ArrayList<>();
        for (int[] s : new int[][] {{200, 20, 1}, {20, 200, 1}, {13, 7, 1}, {64, 64, 1}, {1, 20, 200}, {1, 200, 20},
            {1, 7, 13}, {1, 1024, 64}, {1, 9, 1}}) {
            for (int flags = 0; flags < 4; flags++) {
                out.add(Arguments.of(s[0], s[1], s[2], (flags & 1) != 0, (flags & 2) != 0));
            }
        }
        return out.stream();
    }

    /** What every kernel of {@link CpuMatmul} promises: the naive i-k-j loop's bits, batched and broadcast. */
    @ParameterizedTest(name = "m={0} k={1} n={2} ta={3} tb={4}")
    @MethodSource("thinProducts")
    void thinProductsAreBitIdenticalToTheNaiveLoop(int m, int k, int n, boolean ta, boolean tb) {
        for (int[] batching : new int[][] {{1, 0}, {3, 0}, {3, 1}}) {
            int batch = batching[0];
            boolean broadcastB = batching[1] == 1;
            Random rng = new Random(31L * m + 7L * k + n);
            double[] a = gaussian(rng, batch * m * k);
            double[] b = gaussian(rng, (broadcastB ? 1 : batch) * k * n);
            for (boolean simd : new boolean[] {false, CpuMatmul.SIMD}) {
                double[] got = new double[batch * m * n];
                CpuMatmul.batched(a, b, got, batch, m, k, n, ta, tb, broadcastB, simd);
                assertThat(got).as("batch %d, broadcastB %s, simd %s", batch, broadcastB, simd)
                        .containsExactly(naive(a, b, batch, m, k, n, ta, tb, broadcastB));
            }
            float[] af = floats(a);
            float[] bf = floats(b);
            float[] gotf = new float[batch * m * n];
            CpuMatmul.batched(af, bf, gotf, batch, m, k, n, ta, tb, broadcastB);
            assertThat(gotf).containsExactly(naive(af, bf, batch, m, k, n, ta, tb, broadcastB));
        }
    }

    /** The tensor ops that reach the kernel: {@code A v}, {@code vᵀ A}, and both gradients of {@code A v}. */
    @ParameterizedTest(name = "rows={0}")
    @ValueSource(ints = {1, 9, 20, 200})
    void matrixVectorTensorOpsAndTheirGradientsAreExact(int rows) {
        Random rng = new Random(rows);
        int cols = 20;
        double[] a = gaussian(rng, rows * cols);
        double[] v = gaussian(rng, cols);
        double[] g = gaussian(rng, rows);
        Tensor at = Tensor.of(a, DType.FLOAT64, rows, cols).requiresGrad(true);
        Tensor vt = Tensor.of(v, DType.FLOAT64, cols).requiresGrad(true);
        Tensor gt = Tensor.of(g, DType.FLOAT64, rows);
        Tensor y = at.matmul(vt);
        assertThat(y.toDoubleArray()).containsExactly(naive(a, v, 1, rows, cols, 1, false, false, false));
        assertThat(gt.matmul(at.detach()).toDoubleArray())
                .containsExactly(naive(g, a, 1, 1, rows, cols, false, false, false));
        y.backward(gt);
        // dv = Aᵀ g and dA = g vᵀ (an outer product: one term per element, exact)
        assertThat(vt.grad().toDoubleArray()).containsExactly(naive(a, g, 1, cols, rows, 1, true, false, false));
        double[] da = at.grad().toDoubleArray();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat(da[i * cols + j]).isEqualTo(g[i] * v[j]);
            }
        }
    }

    @Test
    void aMatrixWithNeitherRowsNorColumnsContiguousIsRefused() {
        assertThatThrownBy(
                () -> CpuMatvec.matvec(new double[6], 0, 2, 3, new double[2], 0, new double[2], 0, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strides");
    }

    /** The naive i-k-j loop of {@link CpuMatmul}, kept here as the reference the kernels must reproduce. */
    private static double[] naive(double[] a, double[] b, int batch, int m, int k, int n, boolean ta, boolean tb,
                                  boolean broadcastB) {
        double[] out = new double[batch * m * n];
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    double av = ta ? a[ao + q * m + i] : a[ao + i * k + q];
                    for (int j = 0; j < n; j++) {
                        out[p * m * n + i * n + j] += av * (tb ? b[bo + j * k + q] : b[bo + q * n + j]);
                    }
                }
            }
        }
        return out;
    }

    private static float[] naive(float[] a, float[] b, int batch, int m, int k, int n, boolean ta, boolean tb,
                                 boolean broadcastB) {
        float[] out = new float[batch * m * n];
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    float av = ta ? a[ao + q * m + i] : a[ao + i * k + q];
                    for (int j = 0; j < n; j++) {
                        out[p * m * n + i * n + j] += av * (tb ? b[bo + j * k + q] : b[bo + q * n + j]);
                    }
                }
            }
        }
        return out;
    }

    private static double[] gaussian(Random rng, int size) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextGaussian();
        }
        return d;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
