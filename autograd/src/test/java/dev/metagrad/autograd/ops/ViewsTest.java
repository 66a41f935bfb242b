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

class ViewsTest implements GradcheckTable {

    /** Multiplying by fixed weights makes every output element distinguishable in the checks. */
    private static Tensor weighted(Tensor y) {
        double[] w = new double[y.numel()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + 0.25 * i;
        }
        return Arithmetic.mul(y, Tensor.of(w, y.shape()));
    }

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(61);
        return Stream.of(
            OpCase.of("transpose 2D", in -> Views.transpose(in[0], 0, 1), r.uniform(2, 3)),
            OpCase.of("transpose 3D (0,-1)", in -> weighted(Views.transpose(in[0], 0, -1)), r.uniform(2, 3, 4)),
            OpCase.of("t() (facade)", in -> in[0].t(), r.uniform(3, 2)),
            OpCase.of("permute (2,0,1)", in -> weighted(Views.permute(in[0], 2, 0, 1)), r.uniform(2, 3, 2)),
            OpCase.of("permute negative dims", in -> weighted(Views.permute(in[0], -1, -3, -2)), r.uniform(2, 2, 3)),
            OpCase.of("reshape with -1", in -> weighted(Views.reshape(in[0], 4, -1)), r.uniform(2, 3, 2)),
            OpCase.of("reshape to scalar", in -> Views.reshape(in[0]), r.uniform(1, 1)),
            OpCase.of("reshape then square", in -> Arithmetic.square(Views.reshape(in[0], 3, 2)), r.uniform(2, 3)),
            OpCase.of("expand new leading dims", in -> weighted(Views.expand(in[0], 2, 3, 4)), r.uniform(3, 1)),
            OpCase.of("expand with -1", in -> weighted(Views.expand(in[0], 3, -1)), r.uniform(1, 4)),
            OpCase.of("expand scalar", in -> weighted(Views.expand(in[0], 2, 2)), r.uniform()),
            OpCase.of("unsqueeze 1", in -> weighted(Views.unsqueeze(in[0], 1)), r.uniform(2, 3)),
            OpCase.of("unsqueeze -1", in -> weighted(Views.unsqueeze(in[0], -1)), r.uniform(3)),
            OpCase.of("squeeze 1", in -> weighted(Views.squeeze(in[0], 1)), r.uniform(2, 1, 3)),
            OpCase.of("squeeze -1 of [3,1]", in -> weighted(Views.squeeze(in[0], -1)), r.uniform(3, 1)),
            OpCase.of("flatten (1,2)", in -> weighted(Views.flatten(in[0], 1, 2)), r.uniform(2, 3, 2)),
            OpCase.of("flatten all", in -> weighted(Views.flatten(in[0], 0, -1)), r.uniform(2, 2, 2)),
            OpCase.of("transpose of product", in -> Views.transpose(Arithmetic.mul(in[0], in[0]), 0, 1), r.uniform(2, 3)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void transposeSwapsRowsAndColumns() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor y = Views.transpose(x, 0, 1);
        assertThat(y.shape()).containsExactly(3, 2);
        assertThat(y.toDoubleArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void permuteReordersDimsAndData() {
        // x[i,j,k] = 100 i + 10 j + k over shape [2,3,2]
        double[] d = new double[12];
        int p = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    d[p++] = 100 * i + 10 * j + k;
                }
            }
        }
        Tensor y = Views.permute(Tensor.of(d, 2, 3, 2), 2, 0, 1);
        assertThat(y.shape()).containsExactly(2, 2, 3);
        // y[k,i,j] = x[i,j,k]
        assertThat(y.toDoubleArray()).containsExactly(0, 10, 20, 100, 110, 120, 1, 11, 21, 101, 111, 121);
    }

    @Test
    void reshapeInfersTheMinusOneDimAndKeepsRowMajorOrder() {
        Tensor y = Views.reshape(Tensor.arange(12), 3, -1);
        assertThat(y.shape()).containsExactly(3, 4);
        assertThat(y.toDoubleArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(Views.reshape(Tensor.of(5.0)).shape()).isEmpty();
    }

    @Test
    void expandRepeatsAlongSizeOneAndNewLeadingDims() {
        Tensor y = Views.expand(Tensor.of(new double[] {1, 2}, 2, 1), 2, 2, 3);
        assertThat(y.shape()).containsExactly(2, 2, 3);
        assertThat(y.toDoubleArray()).containsExactly(1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2);
    }

    @Test
    void expandGradientSumsOverTheExpandedDims() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2, 1).requiresGrad(true);
        Tensor w = Tensor.arange(12).reshape(2, 2, 3);
        Tensor[] g = Autograd.grad(Views.expand(x, 2, 2, 3).mul(w).sum(), x);
        // x[0] meets w[.,0,.] = {0,1,2,6,7,8}; x[1] meets {3,4,5,9,10,11}
        assertThat(g[0].shape()).containsExactly(2, 1);
        assertThat(g[0].toDoubleArray()).containsExactly(24, 42);
    }

    @Test
    void unsqueezeSqueezeAndFlattenChangeOnlyTheShape() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertThat(Views.unsqueeze(x, 0).shape()).containsExactly(1, 2, 3);
        assertThat(Views.unsqueeze(x, -1).shape()).containsExactly(2, 3, 1);
        assertThat(Views.squeeze(Views.unsqueeze(x, 1), 1).shape()).containsExactly(2, 3);
        assertThat(Views.flatten(Tensor.zeros(2, 3, 4, 5), 1, 2).shape()).containsExactly(2, 12, 5);
        assertThat(Views.flatten(Tensor.scalar(3), 0, -1).shape()).containsExactly(1);
        assertThat(Views.flatten(x, 0, 1).toDoubleArray()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void squeezeOfANonUnitDimIsANoOp() {
        Tensor x = Tensor.zeros(2, 3);
        assertThat(Views.squeeze(x, 0)).isSameAs(x);
    }

    @Test
    void viewsKeepFloat32() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 2, 3);
        assertThat(Views.transpose(x, 0, 1).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Views.expand(Views.unsqueeze(x, 0), 4, 2, 3).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Views.reshape(x, -1).dtype()).isEqualTo(DType.FLOAT32);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void reshapeRejectsAShapeWithADifferentElementCount() {
        assertThatThrownBy(() -> Views.reshape(Tensor.zeros(2, 3), 4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("reshape", "[4, 2]", "[2, 3]", "6 elements");
    }

    @Test
    void reshapeRejectsAMinusOneThatCannotBeInferred() {
        assertThatThrownBy(() -> Views.reshape(Tensor.zeros(2, 3), 4, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("reshape", "[4, -1]", "[2, 3]");
    }

    @Test
    void reshapeRejectsTwoMinusOnes() {
        assertThatThrownBy(() -> Views.reshape(Tensor.zeros(2, 3), -1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("reshape", "-1", "[-1, -1]");
    }

    @Test
    void expandRejectsAnIncompatibleSize() {
        assertThatThrownBy(() -> Views.expand(Tensor.zeros(3), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("expand", "[3]", "[4]");
    }

    @Test
    void expandRejectsFewerDimsThanTheInput() {
        assertThatThrownBy(() -> Views.expand(Tensor.zeros(2, 3), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("expand", "[3]", "[2, 3]");
    }

    @Test
    void expandRejectsMinusOneForANewLeadingDim() {
        assertThatThrownBy(() -> Views.expand(Tensor.zeros(3), -1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("expand", "-1", "leading");
    }

    @Test
    void permuteRejectsTheWrongNumberOfDims() {
        assertThatThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("permute", "[0]", "[2, 3]");
    }

    @Test
    void permuteRejectsARepeatedDim() {
        assertThatThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("permute", "repeats", "[1, 1]");
    }

    @Test
    void transposeRejectsADimOutOfRange() {
        assertThatThrownBy(() -> Views.transpose(Tensor.zeros(2, 3), 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("transpose", "dim 2", "rank 2");
    }

    @Test
    void flattenRejectsStartAfterEnd() {
        assertThatThrownBy(() -> Views.flatten(Tensor.zeros(2, 3, 4), 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("flatten", "startDim 2", "endDim 1");
    }

    @Test
    void unsqueezeRejectsADimBeyondRankPlusOne() {
        assertThatThrownBy(() -> Views.unsqueeze(Tensor.zeros(2, 3), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("unsqueeze", "dim 3");
    }
}
