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

class ActivationsTest implements GradcheckTable {

    static Stream<OpCase> cases() {
        RandomTensors r = new RandomTensors(31);
        // beta x = -2, -0.6, 0.2 (log region) and 1.8, 2.4, 4 (linear region, threshold 1)
        Tensor bothRegions = Tensor.of(-1.0, -0.3, 0.1, 0.9, 1.2, 2.0).requiresGrad(true);
        return Stream.of(
            OpCase.of("tanh", in -> Activations.tanh(in[0]), r.range(-2, 2, 2, 3)),
            OpCase.of("sigmoid", in -> Activations.sigmoid(in[0]), r.range(-3, 3, 2, 3)),
            OpCase.of("relu", in -> Activations.relu(in[0]), r.awayFromZero(2, 3)),
            OpCase.of("leakyRelu 0.1", in -> Activations.leakyRelu(in[0], 0.1), r.awayFromZero(2, 3)),
            OpCase.of("leakyRelu 0.01", in -> Activations.leakyRelu(in[0], 0.01), r.awayFromZero(5)),
            OpCase.of("elu alpha 1", in -> Activations.elu(in[0], 1.0), r.awayFromZero(2, 3)),
            OpCase.of("elu alpha 0.5", in -> Activations.elu(in[0], 0.5), r.awayFromZero(5)),
            OpCase.of("gelu", in -> Activations.gelu(in[0]), r.range(-2, 2, 2, 3)),
            OpCase.of("geluTanh", in -> Activations.geluTanh(in[0]), r.range(-2, 2, 2, 3)),
            OpCase.of("gelu approximate=tanh", in -> Activations.gelu(in[0], "tanh"), r.range(-2, 2, 4)),
            OpCase.of("softplus defaults (log region)", in -> Activations.softplus(in[0]), r.range(-3, 3, 2, 3)),
            OpCase.of("softplus beta 2 threshold 1 (both regions)", in -> Activations.softplus(in[0], 2.0, 1.0),
                    bothRegions),
            OpCase.of("softplus linear region", in -> Activations.softplus(in[0], 1.0, 20.0), r.range(21, 23, 3)));
    }

    @Override
    public Stream<OpCase> gradcheckCases() {
        return cases();
    }

    // ---------------------------------------------------------------------------------------------
    // Analytic values

    @Test
    void reluZeroesNegativesAndHasZeroGradientAtZero() {
        Tensor x = Tensor.of(-1, 0, 2).requiresGrad(true);
        assertThat(Activations.relu(x).toDoubleArray()).containsExactly(0, 0, 2);
        assertThat(Autograd.grad(Activations.relu(x).sum(), x)[0].toDoubleArray()).containsExactly(0, 0, 1);
    }

    @Test
    void reluHasZeroSecondDerivative() {
        Tensor x = Tensor.of(-1, 2).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(Activations.relu(x).mul(x).sum()).inputs(x).createGraph(true).compute();
        // d/dx (x relu x) = 2x where x > 0, else 0; d2 = 2 where x > 0
        assertThat(g[0].toDoubleArray()).containsExactly(0, 4);
        assertThat(Autograd.grad(g[0].sum(), x)[0].toDoubleArray()).containsExactly(0, 2);
    }

    @Test
    void leakyReluScalesNegativesBySlope() {
        Tensor x = Tensor.of(-2, 3).requiresGrad(true);
        Tensor y = Activations.leakyRelu(x, 0.01);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-0.02, 3}, within(1e-17));
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(new double[] {0.01, 1}, within(1e-17));
    }

    @Test
    void eluOfMinusOneIsExpMinusOneMinusOne() {
        Tensor x = Tensor.of(-1, 2).requiresGrad(true);
        Tensor y = Activations.elu(x, 1.0);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-0.6321205588285577, 2}, within(1e-16));
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray())
                .containsExactly(new double[] {0.36787944117144233, 1}, within(1e-16));
    }

    @Test
    void sigmoidAndTanhAtZeroAndInTheTails() {
        Tensor x = Tensor.of(0.0).requiresGrad(true);
        assertThat(Activations.sigmoid(x).item()).isEqualTo(0.5);
        assertThat(Autograd.grad(Activations.sigmoid(x).sum(), x)[0].item()).isEqualTo(0.25);
        assertThat(Autograd.grad(Activations.tanh(x).sum(), x)[0].item()).isEqualTo(1.0);
        assertThat(Activations.sigmoid(Tensor.of(-800, 800)).toDoubleArray()).containsExactly(0, 1);
    }

    @Test
    void tanhSecondDerivativeIsMinusTwoTanhTimesOneMinusTanhSquared() {
        double v = 0.7;
        Tensor x = Tensor.of(v).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(Activations.tanh(x).sum()).inputs(x).createGraph(true).compute();
        double t = Math.tanh(v);
        assertThat(Autograd.grad(g[0].sum(), x)[0].item()).isCloseTo(-2 * t * (1 - t * t), within(1e-15));
    }

    @Test
    void geluMatchesTheNormalCdfReference() {
        // x * Phi(x) from scipy.stats.norm.cdf
        Tensor y = Activations.gelu(Tensor.of(1.0, -1.0, 0.5));
        assertThat(y.toDoubleArray()).containsExactly(
                new double[] {0.8413447460685429, -0.15865525393145707, 0.34573123063700656}, within(1e-15));
        Tensor yt = Activations.geluTanh(Tensor.of(1.0, -1.0, 0.5));
        assertThat(yt.toDoubleArray()).containsExactly(
                new double[] {0.8411919906082768, -0.15880800939172324, 0.34571400982514394}, within(1e-15));
    }

    @Test
    void geluByNameSelectsTheVariant() {
        Tensor x = Tensor.of(1.0);
        assertThat(Activations.gelu(x, "none").item()).isEqualTo(Activations.gelu(x).item());
        assertThat(Activations.gelu(x, "tanh").item()).isEqualTo(Activations.geluTanh(x).item());
    }

    @Test
    void softplusIsLn2AtZeroAndLinearAboveThreshold() {
        Tensor x = Tensor.of(0.0, 30.0).requiresGrad(true);
        Tensor y = Activations.softplus(x);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {0.6931471805599453, 30}, within(1e-15));
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(0.5, 1.0);
        assertThat(Activations.softplus(Tensor.of(0.3), 2.0, 20.0).item()).isCloseTo(0.5187439752429428, within(1e-15));
    }

    @Test
    void float32ActivationsStayFloat32AndMatchFloat64() {
        Tensor x32 = Tensor.ofFloats(new float[] {-1.5f, -0.25f, 0.5f, 2.0f}, 4);
        Tensor x64 = x32.to(DType.FLOAT64);
        assertThat(Activations.tanh(x32).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Activations.gelu(x32).dtype()).isEqualTo(DType.FLOAT32);
        assertRelativelyClose("tanh", Activations.tanh(x32).toDoubleArray(), Activations.tanh(x64).toDoubleArray(), 1e-6);
        assertRelativelyClose("sigmoid", Activations.sigmoid(x32).toDoubleArray(),
                Activations.sigmoid(x64).toDoubleArray(), 1e-6);
        assertRelativelyClose("softplus", Activations.softplus(x32).toDoubleArray(),
                Activations.softplus(x64).toDoubleArray(), 1e-6);
        assertRelativelyClose("elu", Activations.elu(x32, 1.0).toDoubleArray(),
                Activations.elu(x64, 1.0).toDoubleArray(), 1e-6);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    @Test
    void geluRejectsAnUnknownApproximation() {
        assertThatThrownBy(() -> Activations.gelu(Tensor.of(1.0), "erf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gelu", "approximate", "erf");
    }

    @Test
    void softplusRejectsBetaZero() {
        assertThatThrownBy(() -> Activations.softplus(Tensor.of(1.0), 0.0, 20.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("softplus", "beta");
    }

    @Test
    void tanhRejectsAnInt64Tensor() {
        assertThatThrownBy(() -> Activations.tanh(Tensor.ofLongs(new long[] {1}, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("tanh", "int64");
    }
}
