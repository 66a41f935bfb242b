package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CpuBackendTest {
    private static final CpuBackend B = CpuBackend.INSTANCE;

    private static Tensor t(double[] d, int... shape) {
        return Tensor.of(d, shape);
    }

    // ---------------------------------------------------------------------------------------------
    // Creation and conversion

    @Test
    void servesTheCpu() {
        assertThat(B.device()).isEqualTo(Device.CPU);
        assertThat(Tensor.zeros(1).backend()).isSameAs(B);
    }

    @Test
    void fullForEveryDtype() {
        assertThat(B.full(2.7, DType.FLOAT64, new int[] {2}).toDoubleArray()).containsExactly(2.7, 2.7);
        assertThat(B.full(2.7, DType.FLOAT32, new int[] {1}).toFloatArray()).containsExactly(2.7f);
        assertThat(B.full(2.7, DType.INT64, new int[] {2}).toLongArray()).containsExactly(2, 2);
        Tensor bool = B.full(-1, DType.BOOL, new int[] {1});
        assertThat(bool.dtype()).isEqualTo(DType.BOOL);
        assertThat(bool.toDoubleArray()).containsExactly(1);
        assertThat(B.full(0, DType.BOOL, new int[] {1}).toDoubleArray()).containsExactly(0);
        assertThat(B.full(1, DType.FLOAT64, new int[0]).shape()).isEmpty();
    }

    @Test
    void fromDoublesCopiesAndRoundsFloat32() {
        double[] d = {0.1, 2};
        Tensor x = B.fromDoubles(d, DType.FLOAT64, new int[] {2});
        d[0] = 5;
        assertThat(x.toDoubleArray()).containsExactly(0.1, 2);
        assertThat(B.fromDoubles(new double[] {0.1}, DType.FLOAT32, new int[] {1}).toDoubleArray()).containsExactly((double) 0.1f);
    }

    @Test
    void toDoublesAndToLongsReturnFreshArrays() {
        Tensor x = Tensor.of(1.5, -2.5);
        x.backend().toDoubles(x)[0] = 99;
        assertThat(x.toDoubleArray()).containsExactly(1.5, -2.5);
        assertThat(B.toLongs(x)).containsExactly(1, -2);
        Tensor l = Tensor.ofLongs(new long[] {7}, 1);
        B.toLongs(l)[0] = 8;
        assertThat(l.toLongArray()).containsExactly(7);
    }

    @Test
    void castBetweenAllDtypes() {
        Tensor x = Tensor.of(1.9, -0.5, 0);
        assertThat(B.cast(x, DType.FLOAT64)).isSameAs(x);
        assertThat(B.cast(x, DType.FLOAT32).toFloatArray()).containsExactly(1.9f, -0.5f, 0f);
        assertThat(B.cast(x, DType.INT64).toLongArray()).containsExactly(1, 0, 0);
        assertThat(B.cast(x, DType.BOOL).toDoubleArray()).containsExactly(1, 1, 0);
        Tensor l = Tensor.ofLongs(new long[] {3, -4}, 2);
        assertThat(B.cast(l, DType.FLOAT64).toDoubleArray()).containsExactly(3, -4);
        Tensor f = B.cast(x, DType.FLOAT32);
        assertThat(B.cast(f, DType.FLOAT64).toDoubleArray()).containsExactly((double) 1.9f, -0.5, 0);
    }

    // ---------------------------------------------------------------------------------------------
    // Element-wise kernels

    @Test
    void unaryKeepsTheDtypeAndRoundsFloat32Once() {
        Tensor x = Tensor.ofFloats(new float[] {1f, 3f}, 2);
        Tensor y = B.unary(UnaryKernel.RECIPROCAL_SCALED, x, 1.0, 0);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.toFloatArray()).containsExactly(1f, 1f / 3f);
        assertThat(B.unary(UnaryKernel.SCALE, Tensor.zeros(2, 3), 2, 0).shape()).containsExactly(2, 3);
    }

    /** Every code path of the broadcasting binary kernel, checked against hand-computed sums. */
    static Stream<Arguments> broadcastCases() {
        return Stream.of(
            Arguments.of("same shape", new double[] {1, 2, 3, 4}, new int[] {2, 2}, new double[] {10, 20, 30, 40},
                    new int[] {2, 2}, new int[] {2, 2}, new double[] {11, 22, 33, 44}),
            Arguments.of("scalar right", new double[] {1, 2, 3}, new int[] {3}, new double[] {10}, new int[0],
                    new int[] {3}, new double[] {11, 12, 13}),
            Arguments.of("scalar left", new double[] {10}, new int[] {1}, new double[] {1, 2, 3}, new int[] {3},
                    new int[] {3}, new double[] {11, 12, 13}),
            Arguments.of("trailing row", new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, new double[] {10, 20, 30},
                    new int[] {1, 3}, new int[] {2, 3}, new double[] {11, 22, 33, 14, 25, 36}),
            Arguments.of("trailing with size-1 last dim", new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3, 1},
                    new double[] {10, 20, 30}, new int[] {3, 1}, new int[] {2, 3, 1}, new double[] {11, 22, 33, 14, 25, 36}),
            Arguments.of("column", new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, new double[] {10, 20},
                    new int[] {2, 1}, new int[] {2, 3}, new double[] {11, 12, 13, 24, 25, 26}),
            Arguments.of("outer", new double[] {1, 2}, new int[] {2, 1}, new double[] {10, 20, 30}, new int[] {1, 3},
                    new int[] {2, 3}, new double[] {11, 21, 31, 12, 22, 32}),
            Arguments.of("left smaller", new double[] {1, 2, 3}, new int[] {3}, new double[] {10, 20, 30, 40, 50, 60},
                    new int[] {2, 3}, new int[] {2, 3}, new double[] {11, 22, 33, 41, 52, 63}),
            Arguments.of("middle dim", new double[] {1, 2, 3, 4}, new int[] {2, 1, 2}, new double[] {10, 20, 30},
                    new int[] {3, 1}, new int[] {2, 3, 2},
                    new double[] {11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broadcastCases")
    void binaryBroadcastsLikeNumpy(String name, double[] x, int[] xs, double[] y, int[] ys, int[] out, double[] expected) {
        Tensor r = B.binary(BinaryKernel.ADD, t(x, xs), t(y, ys), out);
        assertThat(r.shape()).containsExactly(out);
        assertThat(r.toDoubleArray()).containsExactly(expected);
        // and the same through the public op
        assertThat(t(x, xs).add(t(y, ys)).toDoubleArray()).containsExactly(expected);
    }

    @Test
    void compareReturnsBool() {
        Tensor r = B.compare(BinaryKernel.GT, Tensor.of(1, 5), Tensor.of(3.0), new int[] {2});
        assertThat(r.dtype()).isEqualTo(DType.BOOL);
        assertThat(r.toDoubleArray()).containsExactly(0, 1);
    }

    @Test
    void whereBroadcastsAllThree() {
        Tensor cond = Tensor.ofBooleans(new boolean[] {true, false}, 2, 1);
        Tensor r = B.where(cond, Tensor.of(1, 2, 3), Tensor.scalar(0), new int[] {2, 3});
        assertThat(r.toDoubleArray()).containsExactly(1, 2, 3, 0, 0, 0);
    }

    // ---------------------------------------------------------------------------------------------
    // Reductions

    private static final Tensor M = Tensor.of(new double[][] {{1, 5, 2}, {7, 0, 7}});

    @Test
    void reduceKeepsReducedDimsAsSizeOne() {
        Tensor s = B.reduce(ReduceKernel.SUM, M, new int[] {1});
        assertThat(s.shape()).containsExactly(2, 1);
        assertThat(s.toDoubleArray()).containsExactly(8, 14);
        assertThat(B.reduce(ReduceKernel.SUM, M, new int[] {0, 1}).toDoubleArray()).containsExactly(22);
        assertThat(B.reduce(ReduceKernel.MAX, M, new int[] {0}).toDoubleArray()).containsExactly(7, 5, 7);
        assertThat(B.reduce(ReduceKernel.MIN, M, new int[] {1}).toDoubleArray()).containsExactly(1, 0);
    }

    @Test
    void maxAndMinPropagateNaN() {
        Tensor x = Tensor.of(1, Double.NaN, 3);
        assertThat(B.reduce(ReduceKernel.MAX, x, new int[] {0}).item()).isNaN();
        assertThat(B.reduce(ReduceKernel.MIN, x, new int[] {0}).item()).isNaN();
    }

    @Test
    void argmaxTakesTheFirstMaximumAndAnyNaN() {
        Tensor idx = B.reduce(ReduceKernel.ARGMAX, M, new int[] {1});
        assertThat(idx.dtype()).isEqualTo(DType.INT64);
        assertThat(idx.shape()).containsExactly(2, 1);
        assertThat(idx.toLongArray()).containsExactly(1, 0);
        assertThat(B.reduce(ReduceKernel.ARGMAX, M, new int[] {0}).toLongArray()).containsExactly(1, 0, 1);
        assertThat(B.reduce(ReduceKernel.ARGMAX, Tensor.of(1, Double.NaN, 5), new int[] {0}).toLongArray()).containsExactly(1);
        double ninf = Double.NEGATIVE_INFINITY;
        assertThat(B.reduce(ReduceKernel.ARGMAX, Tensor.of(ninf, ninf), new int[] {0}).toLongArray()).containsExactly(0);
    }

    @Test
    void cumsumForwardAndReverse() {
        assertThat(B.cumsum(M, 1, false).toDoubleArray()).containsExactly(1, 6, 8, 7, 7, 14);
        assertThat(B.cumsum(M, 1, true).toDoubleArray()).containsExactly(8, 7, 2, 14, 7, 7);
        assertThat(B.cumsum(M, 0, false).toDoubleArray()).containsExactly(1, 5, 2, 8, 5, 9);
        assertThat(B.cumsum(Tensor.scalar(4), 0, false).item()).isEqualTo(4);
    }

    // ---------------------------------------------------------------------------------------------
    // Matmul through the backend contract

    @Test
    void matmulHonoursTransposeFlagsAndBroadcastsB() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Tensor b = Tensor.of(new double[] {1, 0, 1, 1}, 1, 2, 2);
        // batch 0: [[1,2],[3,4]] @ [[1,0],[1,1]] = [[3,2],[7,4]]; batch 1: [[5,6],[7,8]] @ ... = [[11,6],[15,8]]
        assertThat(B.matmul(a, b, false, false).toDoubleArray()).containsExactly(3, 2, 7, 4, 11, 6, 15, 8);
        // A^T: [[1,3],[2,4]] @ B = [[4,3],[6,4]]
        assertThat(B.matmul(a, b, true, false).toDoubleArray()).containsExactly(4, 3, 6, 4, 12, 7, 14, 8);
        // B^T = [[1,1],[0,1]]: [[1,2],[3,4]] @ B^T = [[1,3],[3,7]]
        assertThat(B.matmul(a, b, false, true).toDoubleArray()).containsExactly(1, 3, 3, 7, 5, 11, 7, 15);
    }

    @Test
    void float32MatmulStaysFloat32() {
        Tensor a = Tensor.ofFloats(new float[] {1, 2, 3, 4}, 1, 2, 2);
        Tensor r = B.matmul(a, a, false, false);
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
    }

    // ---------------------------------------------------------------------------------------------
    // Strided access, gather and scatter

    @Test
    void gatherStridedReadsAView() {
        Tensor x = Tensor.arange(6);
        // transpose of the [2,3] matrix, then a broadcast of element 4
        assertThat(B.gatherStrided(x, new int[] {3, 2}, new int[] {1, 3}, 0).toDoubleArray()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(B.gatherStrided(x, new int[] {3}, new int[] {0}, 4).toDoubleArray()).containsExactly(4, 4, 4);
    }

    @Test
    void gatherStridedCopiesOrFillsWholeRows() {
        Tensor x = Tensor.arange(6);
        // rows of a slice (inner stride 1), a bias row expanded over rows, a column expanded over columns
        assertThat(B.gatherStrided(x, new int[] {2, 2}, new int[] {3, 1}, 1).toDoubleArray()).containsExactly(1, 2, 4, 5);
        assertThat(B.gatherStrided(x, new int[] {2, 3}, new int[] {0, 1}, 0).toDoubleArray())
                .containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(B.gatherStrided(x, new int[] {2, 3}, new int[] {1, 0}, 2).toDoubleArray())
                .containsExactly(2, 2, 2, 3, 3, 3);
        assertThat(B.gatherStrided(x, new int[] {2, 0}, new int[] {1, 0}, 0).toDoubleArray()).isEmpty();
    }

    @Test
    void scatterStridedAccumulatesOverlapsAndFillsTheRest() {
        // two windows of 2 with step 1 over 3 slots: slot 1 receives 2 + 3
        Tensor r = B.scatterStrided(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2), new int[] {3}, new int[] {1, 1}, 0, 0.0);
        assertThat(r.shape()).containsExactly(3);
        assertThat(r.toDoubleArray()).containsExactly(1, 5, 4);
        double ninf = Double.NEGATIVE_INFINITY;
        Tensor padded = B.scatterStrided(Tensor.of(-1, -2), new int[] {4}, new int[] {1}, 1, ninf);
        assertThat(padded.toDoubleArray()).containsExactly(ninf, -1, -2, ninf);
        Tensor overlapWithFill = B.scatterStrided(Tensor.of(1, 2), new int[] {2}, new int[] {0}, 0, 9);
        assertThat(overlapWithFill.toDoubleArray()).containsExactly(3, 9);
    }

    @Test
    void scatterStridedIsTheAdjointOfGatherStrided() {
        Generator g = new Generator(17);
        int[] viewShape = {3, 2, 2};
        int[] strides = {2, 3, 1};
        Tensor x = Tensor.randn(g, 12);
        Tensor y = Tensor.randn(g, viewShape);
        double lhs = dot(B.gatherStrided(x, viewShape, strides, 1), y);
        double rhs = dot(x, B.scatterStrided(y, new int[] {12}, strides, 1, 0.0));
        assertThat(lhs).isCloseTo(rhs, within(1e-12));
    }

    private static double dot(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Test
    void gatherAndScatterAddAlongADim() {
        Tensor idx = Tensor.ofLongs(new long[] {2, 0, 1, 1}, 2, 2);
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(B.gather(x, 1, idx).toDoubleArray()).containsExactly(3, 1, 5, 5);
        Tensor sa = B.scatterAdd(new int[] {2, 3}, 1, idx, Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        assertThat(sa.toDoubleArray()).containsExactly(2, 0, 1, 0, 7, 0);
    }

    @Test
    void gatherAndScatterAddRejectOutOfBoundsIndices() {
        Tensor bad = Tensor.ofLongs(new long[] {3}, 1, 1);
        assertThatThrownBy(() -> B.gather(Tensor.zeros(1, 3), 1, bad))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("gather", "index 3", "dim 1", "size 3");
        assertThatThrownBy(() -> B.scatterAdd(new int[] {1, 2}, 1, bad, Tensor.zeros(1, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("scatterAdd", "index 3", "size 2");
    }

    // ---------------------------------------------------------------------------------------------
    // Offset tables

    @Test
    void offsetsEnumerateRowMajorPositions() {
        assertThat(CpuBackend.offsets(new int[] {2, 3}, new int[] {3, 1}, 0)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(CpuBackend.offsets(new int[] {2, 3}, new int[] {1, 2}, 5)).containsExactly(5, 7, 9, 6, 8, 10);
        assertThat(CpuBackend.offsets(new int[0], new int[0], 4)).containsExactly(4);
        assertThat(CpuBackend.offsets(new int[] {2, 0}, new int[] {1, 1}, 0)).isEmpty();
    }

    @Test
    void broadcastStridesZeroSizeOneAndMissingDims() {
        assertThat(CpuBackend.broadcastStrides(new int[] {3, 1}, new int[] {2, 3, 4})).containsExactly(0, 1, 0);
        assertThat(CpuBackend.broadcastStrides(new int[] {2, 3}, new int[] {2, 3})).containsExactly(3, 1);
        assertThat(CpuBackend.broadcastStrides(new int[0], new int[] {2})).containsExactly(0);
    }
}
