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

class ComparisonsTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(41);
        // values at least 0.05 away from the bounds -0.5 and 0.5
        Tensor aroundBounds = Tensor.of(-1.2, -0.7, -0.3, 0.1, 0.45, 0.6, 1.3, -0.55).requiresGrad(true);
        Tensor condRows = Tensor.ofBooleans(new boolean[] {true, false, true}, 3, 1);
        Tensor condFull = Tensor.ofBooleans(new boolean[] {true, false, false, true, true, false}, 2, 3);
        Tensor other = Tensor.of(0.15, -0.85, 0.35);
        return Stream.of(
            OpCase.of("clamp min only", in -> Comparisons.clamp(in[0], -0.5, null), aroundBounds),
            OpCase.of("clamp max only", in -> Comparisons.clamp(in[0], null, 0.5), aroundBounds),
            OpCase.of("clamp two-sided", in -> Comparisons.clamp(in[0], -0.5, 0.5), aroundBounds),
            OpCase.of("clamp (facade)", in -> in[0].clamp(-0.5, 0.5), aroundBounds),
            // a and b are separated: a from 0.05 to 0.95 in steps of 0.1, b a fixed set between them
            OpCase.of("maximum same shape", in -> Comparisons.maximum(in[0], in[1]),
                    Tensor.of(0.05, 0.55, 0.85).requiresGrad(true), Tensor.of(0.3, 0.2, 0.9).requiresGrad(true)),
            OpCase.of("maximum [2,3] vs [3]", in -> Comparisons.maximum(in[0], in[1]),
                    Tensor.of(new double[] {0.05, 0.75, 0.1, 0.6, 0.25, 0.55}, 2, 3).requiresGrad(true),
                    Tensor.of(0.15, 0.5, 0.35).requiresGrad(true)),
            OpCase.of("minimum [2,3] vs [3]", in -> Comparisons.minimum(in[0], in[1]),
                    Tensor.of(new double[] {0.05, 0.75, 0.1, 0.6, 0.25, 0.55}, 2, 3).requiresGrad(true),
                    Tensor.of(0.15, 0.5, 0.35).requiresGrad(true)),
            OpCase.of("maximum with constant", in -> Comparisons.maximum(in[0], other), r.awayFromZero(2, 3)),
            OpCase.of("where same shape", in -> Comparisons.where(condFull, in[0], in[1]), r.uniform(2, 3), r.uniform(2, 3)),
            OpCase.of("where broadcast cond [3,1] x [3,4] y [4]", in -> Comparisons.where(condRows, in[0], in[1]),
                    r.uniform(3, 4), r.uniform(4)),
            OpCase.of("where y scalar", in -> Comparisons.where(condFull, in[0], in[1]), r.uniform(2, 3), r.uniform()));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void clampLimitsValuesAndPassesGradientInsideIncludingTheBounds() {
        Tensor x = Tensor.of(-2, -1, 0, 1, 2).requiresGrad(true);
        Tensor y = Comparisons.clamp(x, -1.0, 1.0);
        assertThat(y.toDoubleArray()).containsExactly(-1, -1, 0, 1, 1);
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void oneSidedClampLeavesTheOtherSideOpen() {
        Tensor x = Tensor.of(-5, 5);
        assertThat(Comparisons.clamp(x, 0.0, null).toDoubleArray()).containsExactly(0, 5);
        assertThat(Comparisons.clamp(x, null, 0.0).toDoubleArray()).containsExactly(-5, 0);
    }

    @Test
    void maximumAndMinimumPickElementwiseWithBroadcasting() {
        Tensor a = Tensor.of(new double[][] {{1, 5}, {3, -2}});
        Tensor b = Tensor.of(2, 0);
        assertThat(Comparisons.maximum(a, b).toDoubleArray()).containsExactly(2, 5, 3, 0);
        assertThat(Comparisons.minimum(a, b).toDoubleArray()).containsExactly(1, 0, 2, -2);
    }

    @Test
    void maximumSplitsTheGradientEvenlyOnTies() {
        Tensor a = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(1, 0, 4).requiresGrad(true);
        Tensor[] g = Autograd.grad(Comparisons.maximum(a, b).sum(), a, b);
        assertThat(g[0].toDoubleArray()).containsExactly(0.5, 1, 0);
        assertThat(g[1].toDoubleArray()).containsExactly(0.5, 0, 1);
    }

    @Test
    void minimumGradientGoesToTheSmallerOperandAndSumsOverBroadcast() {
        Tensor a = Tensor.of(new double[][] {{1, 5}, {3, -2}}).requiresGrad(true);
        Tensor b = Tensor.of(2, 0).requiresGrad(true);
        Tensor[] g = Autograd.grad(Comparisons.minimum(a, b).sum(), a, b);
        assertThat(g[0].toDoubleArray()).containsExactly(1, 0, 0, 1);
        assertThat(g[1].toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void whereSelectsAndRoutesGradientsToTheChosenOperand() {
        Tensor cond = Tensor.ofBooleans(new boolean[] {true, false, true}, 3);
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = Tensor.scalar(10.0).requiresGrad(true);
        Tensor out = Comparisons.where(cond, x, y);
        assertThat(out.toDoubleArray()).containsExactly(1, 10, 3);
        Tensor[] g = Autograd.grad(out.mul(Tensor.of(1, 2, 3)).sum(), x, y);
        assertThat(g[0].toDoubleArray()).containsExactly(1, 0, 3);
        assertThat(g[1].shape()).isEmpty();
        assertThat(g[1].item()).isEqualTo(2.0);
    }

    @Test
    void comparisonsReturnBoolTensorsThatDoNotRequireGrad() {
        Tensor a = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(2.0);
        Tensor gt = Comparisons.gt(a, b);
        assertThat(gt.dtype()).isEqualTo(DType.BOOL);
        assertThat(gt.requiresGrad()).isFalse();
        assertThat(gt.toDoubleArray()).containsExactly(0, 0, 1);
        assertThat(Comparisons.ge(a, b).toDoubleArray()).containsExactly(0, 1, 1);
        assertThat(Comparisons.lt(a, b).toDoubleArray()).containsExactly(1, 0, 0);
        assertThat(Comparisons.le(a, b).toDoubleArray()).containsExactly(1, 1, 0);
        assertThat(Comparisons.eq(a, b).toDoubleArray()).containsExactly(0, 1, 0);
        assertThat(Comparisons.ne(a, b).toDoubleArray()).containsExactly(1, 0, 1);
        assertThat(a.gt(b).toString()).contains("false, false, true").contains("dtype=bool");
    }

    @Test
    void float32ClampAndMaximumStayFloat32() {
        Tensor x = Tensor.ofFloats(new float[] {-2f, 0.5f, 3f}, 3);
        Tensor y = Comparisons.clamp(x, -1.0, 1.0);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.toFloatArray()).containsExactly(-1f, 0.5f, 1f);
        assertThat(Comparisons.maximum(x, Tensor.ofFloats(new float[] {0f}, 1)).dtype()).isEqualTo(DType.FLOAT32);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void clampRejectsMissingBothBounds() {
        assertThatThrownBy(() -> Comparisons.clamp(Tensor.of(1.0), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("clamp", "min", "max");
    }

    @Test
    void whereRejectsANonBoolCondition() {
        assertThatThrownBy(() -> Comparisons.where(Tensor.of(1, 0), Tensor.of(1, 2), Tensor.of(3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("where", "bool", "float64", "[2]");
    }

    @Test
    void whereRejectsAConditionThatDoesNotBroadcast() {
        Tensor cond = Tensor.ofBooleans(new boolean[] {true, false, true}, 3);
        assertThatThrownBy(() -> Comparisons.where(cond, Tensor.zeros(2, 2), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("where", "[3]", "[2, 2]");
    }

    @Test
    void maximumRejectsShapesThatDoNotBroadcast() {
        assertThatThrownBy(() -> Comparisons.maximum(Tensor.zeros(3), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maximum", "[3]", "[4]");
    }
}
