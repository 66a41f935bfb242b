package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArithmeticTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(11);
        return Stream.of(
            OpCase.of("add same shape", in -> Arithmetic.add(in[0], in[1]), r.uniform(2, 3), r.uniform(2, 3)),
            OpCase.of("add [2,3]+[3]", in -> Arithmetic.add(in[0], in[1]), r.uniform(2, 3), r.uniform(3)),
            OpCase.of("add [2,1,3]+[4,1]", in -> Arithmetic.add(in[0], in[1]), r.uniform(2, 1, 3), r.uniform(4, 1)),
            OpCase.of("add []+[2,2]", in -> Arithmetic.add(in[0], in[1]), r.uniform(), r.uniform(2, 2)),
            OpCase.of("sub [3,1]-[1,4]", in -> Arithmetic.sub(in[0], in[1]), r.uniform(3, 1), r.uniform(1, 4)),
            OpCase.of("mul [2,3]*[2,1]", in -> Arithmetic.mul(in[0], in[1]), r.uniform(2, 3), r.uniform(2, 1)),
            OpCase.of("mul self", in -> Arithmetic.mul(in[0], in[0]), r.uniform(4)),
            OpCase.of("div [2,3]/[3]", in -> Arithmetic.div(in[0], in[1]), r.uniform(2, 3), r.awayFromZeroIn(0.5, 1.5, 3)),
            OpCase.of("div [3]/[2,3]", in -> Arithmetic.div(in[0], in[1]), r.uniform(3), r.awayFromZeroIn(0.5, 1.5, 2, 3)),
            OpCase.of("neg", in -> Arithmetic.neg(in[0]), r.uniform(2, 2)),
            OpCase.of("add scalar", in -> Arithmetic.add(in[0], 2.5), r.uniform(3)),
            OpCase.of("sub scalar (facade)", in -> in[0].sub(0.75), r.uniform(3)),
            OpCase.of("mul scalar", in -> Arithmetic.mul(in[0], -3.0), r.uniform(2, 2)),
            OpCase.of("div scalar", in -> Arithmetic.div(in[0], 4.0), r.uniform(2, 2)),
            OpCase.of("rsub", in -> Arithmetic.rsub(1.5, in[0]), r.uniform(3)),
            OpCase.of("rdiv", in -> Arithmetic.rdiv(2.0, in[0]), r.awayFromZeroIn(0.5, 1.5, 2, 2)),
            OpCase.of("reciprocal (facade)", in -> in[0].reciprocal(), r.awayFromZeroIn(0.5, 1.5, 3)),
            OpCase.of("square", in -> Arithmetic.square(in[0]), r.uniform(2, 3)),
            OpCase.of("pow 3", in -> Arithmetic.pow(in[0], 3.0), r.uniform(2, 3)),
            OpCase.of("pow 2", in -> Arithmetic.pow(in[0], 2.0), r.uniform(3)),
            OpCase.of("pow 0.5", in -> Arithmetic.pow(in[0], 0.5), r.range(0.5, 2, 2, 3)),
            OpCase.of("pow -1.5", in -> Arithmetic.pow(in[0], -1.5), r.range(0.5, 2, 4)),
            OpCase.of("pow 0", in -> Arithmetic.pow(in[0], 0.0), r.uniform(3)),
            OpCase.of("pow tensor [2,3]^[3]", in -> Arithmetic.pow(in[0], in[1]), r.range(0.5, 2, 2, 3), r.uniform(3)),
            OpCase.of("pow tensor []^[3]", in -> Arithmetic.pow(in[0], in[1]), r.range(0.5, 2), r.range(-2, 2, 3)),
            OpCase.of("pow tensor, constant exponent", in -> Arithmetic.pow(in[0], Tensor.of(1.5, 2.5, -0.5)),
                    r.range(0.5, 2, 2, 3)),
            OpCase.of("pow tensor, constant base", in -> Arithmetic.pow(Tensor.of(0.7, 1.3, 2.0), in[0]),
                    r.uniform(2, 3)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void addBroadcastsARowOverAMatrix() {
        Tensor y = Arithmetic.add(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), Tensor.of(10, 20, 30));
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.toDoubleArray()).containsExactly(11, 22, 33, 14, 25, 36);
    }

    @Test
    void subMulDivGiveExactElementwiseResults() {
        Tensor a = Tensor.of(6, -4, 1.5);
        Tensor b = Tensor.of(2, 8, -0.5);
        assertThat(Arithmetic.sub(a, b).toDoubleArray()).containsExactly(4, -12, 2);
        assertThat(Arithmetic.mul(a, b).toDoubleArray()).containsExactly(12, -32, -0.75);
        assertThat(Arithmetic.div(a, b).toDoubleArray()).containsExactly(3, -0.5, -3);
        assertThat(Arithmetic.neg(a).toDoubleArray()).containsExactly(-6, 4, -1.5);
    }

    @Test
    void scalarVariantsMatchTheirDefinitions() {
        Tensor x = Tensor.of(1, 2, 4);
        assertThat(Arithmetic.add(x, 0.5).toDoubleArray()).containsExactly(1.5, 2.5, 4.5);
        assertThat(Arithmetic.mul(x, -2).toDoubleArray()).containsExactly(-2, -4, -8);
        assertThat(Arithmetic.div(x, 4).toDoubleArray()).containsExactly(0.25, 0.5, 1);
        assertThat(Arithmetic.rsub(10, x).toDoubleArray()).containsExactly(9, 8, 6);
        assertThat(Arithmetic.rdiv(8, x).toDoubleArray()).containsExactly(8, 4, 2);
        assertThat(x.sub(1).toDoubleArray()).containsExactly(0, 1, 3);
        assertThat(x.reciprocal().toDoubleArray()).containsExactly(1, 0.5, 0.25);
    }

    @Test
    void divisionByZeroFollowsIeeeLikeTorch() {
        Tensor y = Arithmetic.div(Tensor.of(1, -1, 0), Tensor.of(0, 0, 0));
        double[] v = y.toDoubleArray();
        assertThat(v[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(v[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(v[2]).isNaN();
    }

    @Test
    void gradientOfABroadcastOperandIsSummedBackToItsShape() {
        Tensor a = Tensor.ones(2, 3).requiresGrad(true);
        Tensor b = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor[] g = Autograd.grad(Arithmetic.mul(a, b).sum(), a, b);
        assertThat(g[0].shape()).containsExactly(2, 3);
        assertThat(g[0].toDoubleArray()).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(g[1].shape()).containsExactly(3);
        assertThat(g[1].toDoubleArray()).containsExactly(2, 2, 2);
    }

    @Test
    void cubeHasDerivativeThreeXSquaredAndSecondDerivativeSixX() {
        Tensor x = Tensor.of(-2, 0.5, 3).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(Arithmetic.pow(x, 3).sum()).inputs(x).createGraph(true).compute();
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {12, 0.75, 27}, within(1e-12));
        Tensor[] gg = Autograd.grad(g[0].sum(), x);
        assertThat(gg[0].toDoubleArray()).containsExactly(new double[] {-12, 3, 18}, within(1e-12));
    }

    @Test
    void quotientRuleGivesOneOverBAndMinusAOverBSquared() {
        Tensor a = Tensor.of(3.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0).requiresGrad(true);
        Tensor[] g = Autograd.grad(Arithmetic.div(a, b).sum(), a, b);
        assertThat(g[0].item()).isEqualTo(0.5);
        assertThat(g[1].item()).isEqualTo(-0.75);
    }

    @Test
    void powTensorGradientsAreBAToTheBMinusOneAndAToTheBLnA() {
        Tensor a = Tensor.of(2.0).requiresGrad(true);
        Tensor b = Tensor.of(3.0).requiresGrad(true);
        Tensor y = Arithmetic.pow(a, b);
        assertThat(y.item()).isEqualTo(8.0);
        Tensor[] g = Autograd.grad(y.sum(), a, b);
        assertThat(g[0].item()).isCloseTo(12.0, within(1e-12));
        assertThat(g[1].item()).isCloseTo(8 * Math.log(2), within(1e-12));
    }

    @Test
    void powWithExponentZeroHasZeroGradientEvenAtZero() {
        Tensor x = Tensor.of(0.0, 2.0).requiresGrad(true);
        Tensor y = Arithmetic.pow(x, 0.0);
        assertThat(y.toDoubleArray()).containsExactly(1, 1);
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void reciprocalDerivativeIsMinusOneOverXSquared() {
        Tensor x = Tensor.of(2.0, -4.0).requiresGrad(true);
        Tensor[] g = Autograd.grad(Arithmetic.rdiv(1.0, x).sum(), x);
        assertThat(g[0].toDoubleArray()).containsExactly(new double[] {-0.25, -0.0625}, within(1e-15));
    }

    // ---------------------------------------------------------------------------------------------
    // float32

    @Test
    void float32ArithmeticStaysFloat32AndMatchesFloat64() {
        float[] af = {0.1f, -2.5f, 3.75f, 1e-3f};
        float[] bf = {1.3f, 0.7f, -2.2f, 5.5f};
        Tensor a32 = Tensor.ofFloats(af, 4);
        Tensor b32 = Tensor.ofFloats(bf, 4);
        Tensor a64 = a32.to(DType.FLOAT64);
        Tensor b64 = b32.to(DType.FLOAT64);
        for (String op : new String[] {"add", "sub", "mul", "div", "pow3"}) {
            Function<Tensor[], Tensor> f = switch (op) {
                case "add" -> t -> Arithmetic.add(t[0], t[1]);
                case "sub" -> t -> Arithmetic.sub(t[0], t[1]);
                case "mul" -> t -> Arithmetic.mul(t[0], t[1]);
                case "div" -> t -> Arithmetic.div(t[0], t[1]);
                default -> t -> Arithmetic.pow(t[0], 3.0);
            };
            Tensor y32 = f.apply(new Tensor[] {a32, b32});
            Tensor y64 = f.apply(new Tensor[] {a64, b64});
            assertThat(y32.dtype()).as(op).isEqualTo(DType.FLOAT32);
            assertRelativelyClose(op, y32.toDoubleArray(), y64.toDoubleArray(), 1e-6);
        }
    }

    static void assertRelativelyClose(String what, double[] actual, double[] expected, double rel) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s element %d", what, i)
                    .isCloseTo(expected[i], within(rel * Math.max(Math.abs(expected[i]), 1e-30)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void addRejectsShapesThatDoNotBroadcast() {
        assertThatThrownBy(() -> Arithmetic.add(Tensor.zeros(3, 4), Tensor.zeros(5, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("add", "[3, 4]", "[5, 4]", "broadcast");
    }

    @Test
    void mulRejectsShapesThatDoNotBroadcastNamingMul() {
        assertThatThrownBy(() -> Arithmetic.mul(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("mul", "[2, 3]", "[2]");
    }

    @Test
    void addRejectsMixingFloat64AndFloat32() {
        assertThatThrownBy(() -> Arithmetic.add(Tensor.zeros(2), Tensor.zeros(DType.FLOAT32, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("add", "dtype", "float64", "float32");
    }

    @Test
    void powRejectsMixedDtypes() {
        assertThatThrownBy(() -> Arithmetic.pow(Tensor.ones(DType.FLOAT32, 2), Tensor.ones(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("pow", "float32", "float64");
    }

    @Test
    void integerDivisionIsTrueDivisionInFloat64() {
        Tensor q = Arithmetic.div(Tensor.ofLongs(new long[] {7, -7}, 2), Tensor.ofLongs(new long[] {2, 2}, 2));
        assertThat(q.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(q.toDoubleArray()).containsExactly(3.5, -3.5);
    }
}
