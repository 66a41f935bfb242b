package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexingTest implements GradcheckTable {

    private static Tensor longs(int[] shape, long... values) {
        return Tensor.ofLongs(values, shape);
    }

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(101);
        Tensor constant = Tensor.of(new double[] {0.5, -0.5}, 2, 1);
        return Stream.of(
            OpCase.of("cat dim 0 of three", in -> Indexing.cat(List.of(in[0], in[1], in[2]), 0), r.uniform(1, 3),
                    r.uniform(2, 3), r.uniform(1, 3)),
            OpCase.of("cat dim -1", in -> Indexing.cat(List.of(in[0], in[1]), -1), r.uniform(2, 1), r.uniform(2, 3)),
            OpCase.of("cat with a constant", in -> Indexing.cat(List.of(in[0], constant), 1), r.uniform(2, 2)),
            OpCase.of("cat of squares", in -> Indexing.cat(List.of(in[0].square(), in[0]), 0), r.uniform(2)),
            OpCase.of("stack dim 0", in -> Indexing.stack(List.of(in[0], in[1]), 0), r.uniform(2, 3), r.uniform(2, 3)),
            OpCase.of("stack dim 1", in -> Indexing.stack(List.of(in[0], in[1], in[2]), 1), r.uniform(2), r.uniform(2),
                    r.uniform(2)),
            OpCase.of("stack dim -1", in -> Indexing.stack(List.of(in[0], in[1]), -1), r.uniform(2, 2), r.uniform(2, 2)),
            OpCase.of("pad last dim (1,2)", in -> Indexing.pad(in[0], new int[] {1, 2}, 0.0), r.uniform(2, 3)),
            OpCase.of("pad two dims (1,0,2,1) value 0.5", in -> Indexing.pad(in[0], new int[] {1, 0, 2, 1}, 0.5),
                    r.uniform(2, 2)),
            OpCase.of("pad 3D last dim", in -> Indexing.pad(in[0], new int[] {0, 1}, -1.0), r.uniform(2, 1, 2)),
            OpCase.of("indexSelect dim 0 repeated", in -> Indexing.indexSelect(in[0], 0, longs(new int[] {3}, 2, 0, 2)),
                    r.uniform(3, 2)),
            OpCase.of("indexSelect dim 1 repeated", in -> in[0].indexSelect(1, longs(new int[] {4}, 1, 1, 0, 2)),
                    r.uniform(2, 3)),
            OpCase.of("gather dim 1 repeated", in -> Indexing.gather(in[0], 1, longs(new int[] {3, 2}, 3, 3, 0, 1, 2, 0)),
                    r.uniform(3, 4)),
            OpCase.of("gather dim 0 smaller index", in -> in[0].gather(0, longs(new int[] {2, 2}, 2, 0, 2, 2)),
                    r.uniform(3, 3)),
            OpCase.of("scatterAdd repeated", in -> Indexing.scatterAdd(new int[] {3, 3}, 0,
                    longs(new int[] {2, 3}, 0, 2, 0, 0, 1, 0), in[0]), r.uniform(2, 3)),
            OpCase.of("scatterAdd dim 1", in -> Indexing.scatterAdd(new int[] {2, 4}, 1,
                    longs(new int[] {2, 2}, 3, 3, 0, 1), in[0]), r.uniform(2, 2)),
            OpCase.of("narrow dim 1", in -> Indexing.narrow(in[0], 1, 1, 2), r.uniform(2, 4)),
            OpCase.of("narrow dim 0 (facade)", in -> in[0].narrow(0, 2, 1), r.uniform(3, 2)),
            OpCase.of("slice step 2 dim 0", in -> Indexing.slice(in[0], 0, 0, 5, 2), r.uniform(5, 2)),
            OpCase.of("slice 1:4:2 dim 1", in -> in[0].slice(1, 1, 4, 2), r.uniform(2, 5)),
            OpCase.of("slice end past size", in -> Indexing.slice(in[0], 0, 1, 100, 3), r.uniform(7)),
            OpCase.of("asStrided overlapping windows", in -> Indexing.asStrided(in[0], new int[] {3, 3}, new int[] {1, 1}, 0),
                    r.uniform(5)),
            OpCase.of("asStrided with offset and zero stride",
                    in -> Indexing.asStrided(in[0], new int[] {2, 2, 2}, new int[] {3, 0, 1}, 1), r.uniform(2, 3)),
            OpCase.of("scatterStrided overlapping", in -> Indexing.scatterStrided(in[0], new int[] {5}, new int[] {1, 1}, 0, 0.0),
                    r.uniform(3, 3)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    private static final Tensor X = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void catJoinsAlongADimAndSplitsTheGradientBack() {
        Tensor a = Tensor.of(new double[] {1, 2}, 2, 1).requiresGrad(true);
        Tensor b = Tensor.of(new double[][] {{3, 4}, {5, 6}}).requiresGrad(true);
        Tensor y = Indexing.cat(List.of(a, b), 1);
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.toDoubleArray()).containsExactly(1, 3, 4, 2, 5, 6);
        Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor[] g = Autograd.grad(y.mul(w).sum(), a, b);
        assertThat(g[0].toDoubleArray()).containsExactly(1, 4);
        assertThat(g[1].toDoubleArray()).containsExactly(2, 3, 5, 6);
        assertThat(Indexing.cat(List.of(X, X), 0).shape()).containsExactly(4, 3);
    }

    @Test
    void stackAddsANewDim() {
        Tensor a = Tensor.of(1, 2);
        Tensor b = Tensor.of(3, 4);
        assertThat(Indexing.stack(List.of(a, b), 0).toDoubleArray()).containsExactly(1, 2, 3, 4);
        Tensor s1 = Indexing.stack(List.of(a, b), 1);
        assertThat(s1.shape()).containsExactly(2, 2);
        assertThat(s1.toDoubleArray()).containsExactly(1, 3, 2, 4);
        assertThat(Indexing.stack(List.of(X, X, X), -1).shape()).containsExactly(2, 3, 3);
    }

    @Test
    void padSurroundsWithTheConstant() {
        Tensor y = Indexing.pad(Tensor.of(new double[][] {{1, 2}}), new int[] {1, 0, 1, 1}, 9);
        assertThat(y.shape()).containsExactly(3, 3);
        assertThat(y.toDoubleArray()).containsExactly(9, 9, 9, 9, 1, 2, 9, 9, 9);
        Tensor ninf = Indexing.pad(Tensor.of(1.0), new int[] {1, 1}, Double.NEGATIVE_INFINITY);
        assertThat(ninf.toDoubleArray()).containsExactly(Double.NEGATIVE_INFINITY, 1, Double.NEGATIVE_INFINITY);
    }

    @Test
    void indexSelectWithRepeatedIndicesAccumulatesGradient() {
        Tensor x = Tensor.of(10, 20, 30).requiresGrad(true);
        Tensor y = Indexing.indexSelect(x, 0, longs(new int[] {4}, 0, 0, 2, 0));
        assertThat(y.toDoubleArray()).containsExactly(10, 10, 30, 10);
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(3, 0, 1);
        Tensor cols = Indexing.indexSelect(X, 1, longs(new int[] {2}, 2, 0));
        assertThat(cols.shape()).containsExactly(2, 2);
        assertThat(cols.toDoubleArray()).containsExactly(3, 1, 6, 4);
    }

    @Test
    void gatherPicksAlongTheDim() {
        Tensor y = Indexing.gather(X, 1, longs(new int[] {2, 2}, 2, 0, 1, 1));
        assertThat(y.toDoubleArray()).containsExactly(3, 1, 5, 5);
        Tensor y0 = Indexing.gather(X, 0, longs(new int[] {1, 3}, 1, 0, 1));
        assertThat(y0.toDoubleArray()).containsExactly(4, 2, 6);
    }

    @Test
    void scatterAddAccumulatesRepeatedTargetsAndItsGradientGathers() {
        Tensor src = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true);
        Tensor y = Indexing.scatterAdd(new int[] {2, 3}, 0, longs(new int[] {2, 3}, 0, 1, 0, 0, 1, 1), src);
        assertThat(y.toDoubleArray()).containsExactly(5, 0, 3, 0, 7, 6);
        Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {10, 20, 30}});
        assertThat(Autograd.grad(y.mul(w).sum(), src)[0].toDoubleArray()).containsExactly(1, 20, 3, 1, 20, 30);
    }

    @Test
    void narrowAndSliceSelectRanges() {
        assertThat(Indexing.narrow(X, 1, 1, 2).toDoubleArray()).containsExactly(2, 3, 5, 6);
        Tensor a = Tensor.arange(7);
        assertThat(Indexing.slice(a, 0, 1, 7, 3).toDoubleArray()).containsExactly(1, 4);
        assertThat(Indexing.slice(a, 0, 0, 100, 2).toDoubleArray()).containsExactly(0, 2, 4, 6);
        assertThat(Indexing.slice(a, 0, 9, 12, 1).shape()).containsExactly(0);
        assertThat(Indexing.slice(a, 0, 0, 7, 1)).isSameAs(a);
    }

    @Test
    void sliceGradientScattersIntoTheSelectedPositions() {
        Tensor x = Tensor.zeros(6).requiresGrad(true);
        Tensor[] g = Autograd.grad(Indexing.slice(x, 0, 1, 6, 2).mul(Tensor.of(1, 2, 3)).sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(0, 1, 0, 2, 0, 3);
    }

    @Test
    void asStridedOverlappingWindowsAccumulateGradient() {
        Tensor x = Tensor.of(1, 2, 3, 4, 5).requiresGrad(true);
        Tensor w = Indexing.asStrided(x, new int[] {3, 3}, new int[] {1, 1}, 0);
        assertThat(w.toDoubleArray()).containsExactly(1, 2, 3, 2, 3, 4, 3, 4, 5);
        assertThat(Autograd.grad(w.sum(), x)[0].toDoubleArray()).containsExactly(1, 2, 3, 2, 1);
    }

    @Test
    void indexingKeepsFloat32() {
        Tensor x = Tensor.ofFloats(new float[] {1.5f, 2.5f, 3.5f}, 3);
        assertThat(Indexing.indexSelect(x, 0, longs(new int[] {1}, 2)).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Indexing.indexSelect(x, 0, longs(new int[] {1}, 2)).toFloatArray()).containsExactly(3.5f);
        assertThat(Indexing.cat(List.of(x, x), 0).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Indexing.pad(x, new int[] {1, 1}, 0).dtype()).isEqualTo(DType.FLOAT32);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void gatherRejectsAnIndexOutOfRange() {
        assertThatThrownBy(() -> Indexing.gather(X, 1, longs(new int[] {2, 1}, 0, 5)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("gather", "index 5", "size 3");
    }

    @Test
    void gatherRejectsANegativeIndex() {
        assertThatThrownBy(() -> Indexing.gather(X, 0, longs(new int[] {1, 1}, -1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("gather", "index -1", "size 2");
    }

    @Test
    void gatherRejectsAFloatIndexHoldingNaN() {
        assertThatThrownBy(() -> Indexing.gather(X, 1, Tensor.of(new double[] {0, Double.NaN}, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gather", "index", "NaN", "flat position 1", "int64");
    }

    @Test
    void gatherRejectsAnIndexOfAnotherRank() {
        assertThatThrownBy(() -> Indexing.gather(X, 1, longs(new int[] {2}, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gather", "[2]", "[2, 3]", "rank");
    }

    @Test
    void gatherRejectsAnIndexLargerThanTheInputOutsideDim() {
        assertThatThrownBy(() -> Indexing.gather(X, 1, longs(new int[] {3, 1}, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gather", "[3, 1]", "[2, 3]");
    }

    @Test
    void indexSelectRejectsAnIndexOutOfRange() {
        assertThatThrownBy(() -> Indexing.indexSelect(X, 1, longs(new int[] {2}, 1, 3)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContainingAll("indexSelect", "index 3", "position 1", "size 3", "[2, 3]");
    }

    @Test
    void indexSelectRejectsAFloatIndexHoldingNaN() {
        assertThatThrownBy(() -> Indexing.indexSelect(X, 0, Tensor.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("indexSelect", "index", "NaN");
    }

    @Test
    void indexSelectRejectsAFloatIndexWithoutNaNStillAsNotInt64() {
        assertThatThrownBy(() -> Indexing.indexSelect(X, 0, Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("indexSelect", "int64", "float64");
    }

    @Test
    void indexSelectRejectsATwoDimensionalIndex() {
        assertThatThrownBy(() -> Indexing.indexSelect(X, 0, longs(new int[] {1, 1}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("indexSelect", "1-D", "[1, 1]");
    }

    @Test
    void scatterAddRejectsIndexAndSrcOfDifferentShapes() {
        assertThatThrownBy(() -> Indexing.scatterAdd(new int[] {3}, 0, longs(new int[] {2}, 0, 1), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scatterAdd", "[2]", "[3]");
    }

    @Test
    void scatterAddRejectsAnIndexLargerThanTheOutputOutsideDim() {
        // a [2, 3] index into a [3, 2] result along dim 0 would write row-overflowing positions
        assertThatThrownBy(() -> Indexing.scatterAdd(new int[] {3, 2}, 0, longs(new int[] {2, 3}, 0, 0, 0, 1, 1, 1),
                Tensor.ones(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scatterAdd", "[2, 3]", "[3, 2]");
    }

    @Test
    void scatterAddRejectsAnIndexOfAnotherRank() {
        assertThatThrownBy(() -> Indexing.scatterAdd(new int[] {3, 2}, 0, longs(new int[] {2}, 0, 1), Tensor.ones(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("scatterAdd", "[2]", "[3, 2]");
    }

    @Test
    void catRejectsMismatchedShapes() {
        assertThatThrownBy(() -> Indexing.cat(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 4)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cat", "tensor 1", "[2, 4]", "[2, 3]", "dim 0");
    }

    @Test
    void catRejectsMixedDtypes() {
        assertThatThrownBy(() -> Indexing.cat(List.of(Tensor.zeros(2), Tensor.zeros(DType.FLOAT32, 2)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cat", "float64", "float32");
    }

    @Test
    void catRejectsAnEmptyList() {
        assertThatThrownBy(() -> Indexing.cat(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cat", "non-empty");
    }

    @Test
    void catRejectsZeroDimensionalTensors() {
        assertThatThrownBy(() -> Indexing.cat(List.of(Tensor.scalar(1), Tensor.scalar(2)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cat", "zero-dimensional", "stack");
    }

    @Test
    void stackRejectsUnequalShapes() {
        assertThatThrownBy(() -> Indexing.stack(List.of(Tensor.zeros(2), Tensor.zeros(3)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("stack", "tensor 1", "[3]", "[2]");
    }

    @Test
    void narrowRejectsARangeBeyondTheDim() {
        assertThatThrownBy(() -> Indexing.narrow(X, 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("narrow", "start 2", "length 2", "size 3", "[2, 3]");
    }

    @Test
    void sliceRejectsANonPositiveStep() {
        assertThatThrownBy(() -> Indexing.slice(X, 0, 0, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("slice", "step", "0");
    }

    @Test
    void padRejectsAnOddLengthPadding() {
        assertThatThrownBy(() -> Indexing.pad(X, new int[] {1, 1, 1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("pad", "[1, 1, 1]", "[2, 3]");
    }

    @Test
    void padRejectsNegativePadding() {
        assertThatThrownBy(() -> Indexing.pad(X, new int[] {-1, 1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("pad", "negative", "[-1, 1]");
    }

    @Test
    void asStridedRejectsAViewReachingOutsideTheInput() {
        assertThatThrownBy(() -> Indexing.asStrided(Tensor.zeros(5), new int[] {3, 3}, new int[] {2, 1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("asStrided", "[3, 3]", "[2, 1]", "[5]");
    }
}
