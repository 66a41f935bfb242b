package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.testing.GradcheckTable;
import dev.metagrad.autograd.testing.OpCase;
import dev.metagrad.autograd.testing.RandomTensors;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.metagrad.autograd.ops.ArithmeticTest.assertRelativelyClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MathFunctionsTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(21);
        return Stream.of(
            OpCase.of("exp", in -> MathFunctions.exp(in[0]), r.uniform(2, 3)),
            OpCase.of("log", in -> MathFunctions.log(in[0]), r.range(0.3, 2.5, 2, 3)),
            OpCase.of("log1p", in -> MathFunctions.log1p(in[0]), r.range(-0.5, 1.5, 5)),
            OpCase.of("sqrt", in -> MathFunctions.sqrt(in[0]), r.range(0.3, 2.5, 2, 2)),
            OpCase.of("rsqrt", in -> MathFunctions.rsqrt(in[0]), r.range(0.3, 2.5, 2, 2)),
            OpCase.of("abs", in -> MathFunctions.abs(in[0]), r.awayFromZero(2, 3)),
            OpCase.of("sign", in -> MathFunctions.sign(in[0]), r.awayFromZero(2, 3)).firstOrderOnly(),
            OpCase.of("sin", in -> MathFunctions.sin(in[0]), r.range(-3, 3, 2, 3)),
            OpCase.of("cos", in -> MathFunctions.cos(in[0]), r.range(-3, 3, 2, 3)),
            OpCase.of("erf", in -> MathFunctions.erf(in[0]), r.range(-2, 2, 6)),
            OpCase.of("exp(sin) composite", in -> MathFunctions.exp(MathFunctions.sin(in[0])), r.uniform(4)),
            OpCase.of("log(x*y) composite", in -> MathFunctions.log(Arithmetic.mul(in[0], in[1])),
                    r.range(0.5, 2, 2, 2), r.range(0.5, 2, 2)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void expAndLogAreInverseAtKnownPoints() {
        assertThat(MathFunctions.exp(Tensor.of(0, 1)).toDoubleArray()).containsExactly(new double[] {1, Math.E}, within(1e-15));
        assertThat(MathFunctions.log(Tensor.of(1, Math.E, 0)).toDoubleArray())
                .containsExactly(new double[] {0, 1, Double.NEGATIVE_INFINITY}, within(1e-15));
    }

    @Test
    void log1pIsAccurateForTinyArguments() {
        double v = MathFunctions.log1p(Tensor.of(1e-12)).item();
        assertThat(v).isCloseTo(1e-12 - 0.5e-24, within(1e-27));
    }

    @Test
    void sqrtAndRsqrtOfFour() {
        assertThat(MathFunctions.sqrt(Tensor.of(4, 9)).toDoubleArray()).containsExactly(2, 3);
        assertThat(MathFunctions.rsqrt(Tensor.of(4, 0.25)).toDoubleArray()).containsExactly(0.5, 2);
    }

    @Test
    void derivativesAtKnownPoints() {
        Tensor x = Tensor.of(4.0).requiresGrad(true);
        assertThat(Autograd.grad(MathFunctions.sqrt(x).sum(), x)[0].item()).isEqualTo(0.25);
        assertThat(Autograd.grad(MathFunctions.rsqrt(x).sum(), x)[0].item()).isCloseTo(-1.0 / 16, within(1e-15));
        assertThat(Autograd.grad(MathFunctions.log(x).sum(), x)[0].item()).isEqualTo(0.25);
        assertThat(Autograd.grad(MathFunctions.log1p(x).sum(), x)[0].item()).isEqualTo(0.2);
        Tensor zero = Tensor.of(0.0).requiresGrad(true);
        assertThat(Autograd.grad(MathFunctions.erf(zero).sum(), zero)[0].item())
                .isCloseTo(2 / Math.sqrt(Math.PI), within(1e-15));
        assertThat(Autograd.grad(MathFunctions.sin(zero).sum(), zero)[0].item()).isEqualTo(1.0);
        assertThat(Autograd.grad(MathFunctions.cos(zero).sum(), zero)[0].item()).isEqualTo(-0.0);
    }

    @Test
    void sinHasSecondDerivativeMinusSin() {
        Tensor x = Tensor.of(0.3, 1.2).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(MathFunctions.sin(x).sum()).inputs(x).createGraph(true).compute();
        Tensor[] gg = Autograd.grad(g[0].sum(), x);
        assertThat(gg[0].toDoubleArray()).containsExactly(new double[] {-Math.sin(0.3), -Math.sin(1.2)}, within(1e-15));
    }

    @Test
    void absHasGradientSignAndZeroAtZero() {
        Tensor x = Tensor.of(-3, 0, 2).requiresGrad(true);
        assertThat(MathFunctions.abs(x).toDoubleArray()).containsExactly(3, 0, 2);
        assertThat(Autograd.grad(MathFunctions.abs(x).sum(), x)[0].toDoubleArray()).containsExactly(-1, 0, 1);
    }

    @Test
    void signIsMinusOneZeroOneWithZeroGradient() {
        Tensor x = Tensor.of(-2.5, 0, 0.1).requiresGrad(true);
        Tensor y = MathFunctions.sign(x);
        assertThat(y.toDoubleArray()).containsExactly(-1, 0, 1);
        assertThat(y.requiresGrad()).isTrue();
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(0, 0, 0);
    }

    @Test
    void erfMatchesReferenceValues() {
        // reference values from scipy.special.erf
        Tensor y = MathFunctions.erf(Tensor.of(0.5, 1.0, -0.3, 3.5));
        assertThat(y.toDoubleArray()).containsExactly(
                new double[] {0.5204998778130465, 0.8427007929497148, -0.3286267594591274, 0.9999992569016276},
                within(2e-16));
    }

    @Test
    void sinCosAtMultiplesOfPi() {
        assertThat(MathFunctions.sin(Tensor.of(Math.PI / 2, Math.PI / 6)).toDoubleArray())
                .containsExactly(new double[] {1, 0.5}, within(1e-15));
        assertThat(MathFunctions.cos(Tensor.of(0, Math.PI)).toDoubleArray()).containsExactly(new double[] {1, -1}, within(1e-15));
    }

    @Test
    void float32ResultsStayFloat32AndMatchFloat64() {
        Tensor x32 = Tensor.ofFloats(new float[] {0.25f, 1.5f, 2.75f, 0.01f}, 4);
        Tensor x64 = x32.to(DType.FLOAT64);
        Map<String, UnaryOperator<Tensor>> ops = new LinkedHashMap<>();
        ops.put("exp", MathFunctions::exp);
        ops.put("log", MathFunctions::log);
        ops.put("sqrt", MathFunctions::sqrt);
        ops.put("sin", MathFunctions::sin);
        ops.put("erf", MathFunctions::erf);
        ops.forEach((name, f) -> {
            Tensor y32 = f.apply(x32);
            assertThat(y32.dtype()).as(name).isEqualTo(DType.FLOAT32);
            assertRelativelyClose(name, y32.toDoubleArray(), f.apply(x64).toDoubleArray(), 1e-6);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void expRejectsAnInt64TensorNamingTheOpAndDtype() {
        Tensor ints = Tensor.ofLongs(new long[] {1, 2}, 2);
        assertThatThrownBy(() -> MathFunctions.exp(ints))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("exp", "int64", "[2]");
    }

    @Test
    void logRejectsABoolTensor() {
        Tensor mask = Tensor.ofBooleans(new boolean[] {true}, 1);
        assertThatThrownBy(() -> MathFunctions.log(mask))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("log", "bool");
    }
}
