package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.LinearAlgebra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the blocked kernels against a plain triple loop. Shapes straddle every boundary of the
 * implementation: the small-product fast path ({@link CpuMatmul#SMALL_WORK}), the 4-deep unrolling of
 * {@code k}, the {@link CpuMatmul#KC} / {@link CpuMatmul#NC} block edges, and for the SIMD kernel the
 * 4-row tiles and ragged column strips. The SIMD cases run when the test JVM has
 * {@code jdk.incubator.vector} (the module's surefire configuration adds it) and are skipped otherwise.
 */
class CpuMatmulTest {
    private static final int KC = CpuMatmul.KC;
    private static final int NC = CpuMatmul.NC;

    /** {m, k, n} triples; comments say which path or edge each one exercises. */
    private static final int[][] SHAPES = {
        {1, 1, 1},
        {0, 3, 4},               // no output rows
        {3, 0, 4},               // empty sum: the output stays zero
        {3, 4, 0},
        {2, 3, 5},               // naive path
        {1, 200, 1},             // naive path, long dot product
        {7, 9, 11},
        {15, 16, 17},            // just under SMALL_WORK: naive path
        {16, 16, 16},            // exactly SMALL_WORK: first blocked size
        {10, 40, 40},            // MAML-sine's hidden layer and its backward forms
        {40, 10, 40},
        {32, 32, 32},
        {33, 33, 33},            // k not a multiple of 4
        {40, 40, 40},
        {1, 1024, 64},           // a single output row
        {64, 64, 1},             // a single output column
        {5, KC + 3, 7},          // two k blocks, ragged
        {9, 37, NC + 5},         // two n blocks, ragged
        {17, KC + 1, NC + 1},    // both
        {6, 2 * KC + 2, 3},
    };

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (boolean simd : new boolean[] {false, true}) {
            for (int[] s : SHAPES) {
                for (int flags = 0; flags < 4; flags++) {
                    out.add(Arguments.of(s[0], s[1], s[2], (flags & 1) != 0, (flags & 2) != 0, simd));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "f64 m={0} k={1} n={2} ta={3} tb={4} simd={5}")
    @MethodSource("cases")
    void float64MatchesReference(int m, int k, int n, boolean ta, boolean tb, boolean simd) {
        assumeTrue(!simd || CpuMatmul.SIMD, "jdk.incubator.vector is not in this JVM");
        for (int[] batching : new int[][] {{1, 0}, {3, 0}, {3, 1}}) {
            int batch = batching[0];
            boolean broadcastB = batching[1] == 1;
            Random rng = new Random(31L * m + 7L * k + n);
            double[] a = gaussian(rng, batch * m * k);
            double[] b = gaussian(rng, (broadcastB ? 1 : batch) * k * n);
            double[] got = new double[batch * m * n];
            CpuMatmul.batched(a, b, got, batch, m, k, n, ta, tb, broadcastB, simd);
            double[][] want = reference(a, b, batch, m, k, n, ta, tb, broadcastB);
            for (int i = 0; i < got.length; i++) {
                // relative to the sum of |terms|, so cancellation cannot make the bound meaningless
                assertThat(got[i]).as("element %d (batch %d, broadcastB %s)", i, batch, broadcastB)
                        .isCloseTo(want[0][i], offset(1e-12 * want[1][i] + 1e-300));
            }
        }
    }

    @ParameterizedTest(name = "f32 m={0} k={1} n={2} ta={3} tb={4} simd={5}")
    @MethodSource("cases")
    void float32MatchesReference(int m, int k, int n, boolean ta, boolean tb, boolean simd) {
        assumeTrue(!simd || CpuMatmul.SIMD, "jdk.incubator.vector is not in this JVM");
        for (int[] batching : new int[][] {{1, 0}, {2, 0}, {2, 1}}) {
            int batch = batching[0];
            boolean broadcastB = batching[1] == 1;
            Random rng = new Random(17L * m + 5L * k + n);
            float[] a = toFloats(gaussian(rng, batch * m * k));
            float[] b = toFloats(gaussian(rng, (broadcastB ? 1 : batch) * k * n));
            float[] got = new float[batch * m * n];
            CpuMatmul.batched(a, b, got, batch, m, k, n, ta, tb, broadcastB, simd);
            float[] want = referenceFloat(a, b, batch, m, k, n, ta, tb, broadcastB);
            double[][] exact = reference(toDoubles(a), toDoubles(b), batch, m, k, n, ta, tb, broadcastB);
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("element %d (batch %d, broadcastB %s)", i, batch, broadcastB).isEqualTo(want[i]);
                // float accumulation over k terms: k ulps of the magnitude sum is a loose but sure bound
                assertThat((double) got[i]).isCloseTo(exact[0][i],
                        offset(Math.max(1, k) * 1.2e-7 * exact[1][i] + 1e-30));
            }
        }
    }

    /**
     * The blocked kernel sums each element in increasing k order without fused multiply-adds, so it
     * must agree with a sequential float64 sum to the last bit, not just within a tolerance.
     */
    @Test
    void blockedFloat64IsBitIdenticalToSequentialSum() {
        Random rng = new Random(3);
        int m = 19;
        int k = KC + 9;
        int n = NC + 3;
        for (boolean simd : CpuMatmul.SIMD ? new boolean[] {false, true} : new boolean[] {false}) {
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                double[] a = gaussian(rng, m * k);
                double[] b = gaussian(rng, k * n);
                double[] got = new double[m * n];
                CpuMatmul.batched(a, b, got, 1, m, k, n, ta, tb, false, simd);
                assertThat(got).as("simd %s", simd).containsExactly(reference(a, b, 1, m, k, n, ta, tb, false)[0]);
            }
        }
    }

    @Test
    void tensorMatmulAndLinearUseTheKernel() {
        Random rng = new Random(11);
        int m = 45;
        int k = 70;
        int n = 38;
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            double[] x = gaussian(rng, m * k);
            double[] w = gaussian(rng, n * k);
            Tensor xt = Tensor.of(x, dtype, m, k);
            Tensor wt = Tensor.of(w, dtype, n, k);
            double[] xs = xt.toDoubleArray();
            double[] ws = wt.toDoubleArray();
            double[] viaLinear = LinearAlgebra.linear(xt, wt, null).toDoubleArray();
            double[] viaMatmul = xt.matmul(wt.transpose(0, 1)).toDoubleArray();
            double[][] want = reference(xs, ws, 1, m, k, n, false, true, false);
            double tol = dtype == DType.FLOAT64 ? 1e-12 : k * 1.2e-7;
            for (int i = 0; i < want[0].length; i++) {
                assertThat(viaLinear[i]).isCloseTo(want[0][i], offset(tol * want[1][i] + 1e-30));
                assertThat(viaMatmul[i]).isCloseTo(want[0][i], offset(tol * want[1][i] + 1e-30));
            }
        }
    }

    /**
     * Straightforward {@code op(A) @ op(B)} with element access through explicit index formulas.
     *
     * @return {values, sums of |a b| per element}
     */
    private static double[][] reference(double[] a, double[] b, int batch, int m, int k, int n,
                                        boolean ta, boolean tb, boolean broadcastB) {
        double[] out = new double[batch * m * n];
        double[] mag = new double[batch * m * n];
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double abs = 0;
                    for (int q = 0; q < k; q++) {
                        double av = ta ? a[ao + q * m + i] : a[ao + i * k + q];
                        double bv = tb ? b[bo + j * k + q] : b[bo + q * n + j];
                        s += av * bv;
                        abs += Math.abs(av * bv);
                    }
                    out[p * m * n + i * n + j] = s;
                    mag[p * m * n + i * n + j] = abs;
                }
            }
        }
        return new double[][] {out, mag};
    }

    /** The same loop accumulating in float, the rounding the float32 kernel promises. */
    private static float[] referenceFloat(float[] a, float[] b, int batch, int m, int k, int n,
                                          boolean ta, boolean tb, boolean broadcastB) {
        float[] out = new float[batch * m * n];
        for (int p = 0; p < batch; p++) {
            int ao = p * m * k;
            int bo = broadcastB ? 0 : p * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int q = 0; q < k; q++) {
                        float av = ta ? a[ao + q * m + i] : a[ao + i * k + q];
                        float bv = tb ? b[bo + j * k + q] : b[bo + q * n + j];
                        s += av * bv;
                    }
                    out[p * m * n + i * n + j] = s;
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

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
