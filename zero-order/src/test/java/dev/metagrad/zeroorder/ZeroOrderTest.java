package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Formulas with fixed noise, composition with other ops, reproducibility, threads and argument checks. */
class ZeroOrderTest {
    /** Always the same noise u. */
    private static Samplable constant(Tensor u) {
        return (shape, rng) -> u;
    }

    @Test
    void formulasWithFixedNoiseAndIncomingGradient() {
        Tensor u = Tensor.of(1.0, -2.0, 0.5);
        double sigma = 0.2;
        double base = Quadratic.F.apply(Quadratic.X).item();
        double plus = Quadratic.F.apply(Quadratic.X.add(u.mul(sigma))).item();
        double minus = Quadratic.F.apply(Quadratic.X.sub(u.mul(sigma))).item();
        double[] expected = {plus / sigma, (plus - base) / sigma, (plus - minus) * 0.5 / sigma};
        Method[] methods = {Method.NAIVE, Method.FORWARD, Method.ANTITHETIC};
        for (int m = 0; m < methods.length; m++) {
            TensorFunction g = ZeroOrder.zeroOrder(constant(u), methods[m], new int[] {0}, 3, sigma).apply(Quadratic.F);
            Tensor x = Quadratic.X.requiresGrad(true);
            Tensor y = g.apply(x);
            assertThat(y.item()).isEqualTo(base);
            // composes: d/dx (3·g(x) + Σx) = 3·estimate + 1
            double[] grad = Autograd.grad(y.mul(3).add(x.sum()), x)[0].toDoubleArray();
            for (int i = 0; i < 3; i++) {
                assertThat(grad[i]).as(methods[m] + "[" + i + "]")
                        .isCloseTo(3 * expected[m] * u.toDoubleArray()[i] + 1, within(1e-12));
            }
        }
    }

    @Test
    void onlyArgnumsGetGradients() {
        TensorFunction f = in -> in[0].mul(in[1]).sum();
        TensorFunction g = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.ANTITHETIC, new int[] {1}, 4, 0.1)
                .apply(f);
        Tensor a = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor b = Tensor.of(3.0, -1.0).requiresGrad(true);
        Tensor y = g.apply(a, b);
        Tensor[] grads = Autograd.gradOf(y).inputs(a, b).allowUnused(true).compute();
        assertThat(grads[0]).isNull();
        assertThat(grads[1].shape()).containsExactly(2);
    }

    @Test
    void sameSeedSameEstimateAndThreadsAreBitIdentical() {
        double[] one = estimate(1, 7);
        assertThat(estimate(1, 7)).containsExactly(one);
        assertThat(estimate(4, 7)).containsExactly(one);
        assertThat(estimate(1, 8)).isNotEqualTo(one);
    }

    private static double[] estimate(int threads, long seed) {
        TensorFunction g = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.FORWARD, new int[] {0}, 16, 0.3)
                .withGenerator(new Generator(seed)).withThreads(threads).apply(Quadratic.F);
        Tensor x = Quadratic.X.requiresGrad(true);
        return Autograd.grad(g.apply(x), x)[0].toDoubleArray();
    }

    @Test
    void sphereSamplesHaveRadiusSqrtD() {
        Tensor u = Samplable.uniformOnSphere().sample(new int[] {2, 5}, new Generator(3));
        assertThat(u.shape()).containsExactly(2, 5);
        assertThat(u.norm(2).item()).isCloseTo(Math.sqrt(10), within(1e-12));
    }

    @Test
    void rejectsBadSettings() {
        Samplable n = Samplable.standardNormal();
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0}, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma must be positive");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0}, 1, -1))
                .hasMessageContaining("sigma must be positive");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0}, 1, Double.NaN))
                .hasMessageContaining("sigma must be positive");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0}, 0, 1))
                .hasMessageContaining("numSamples must be at least 1, got 0");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {-1}, 1, 1))
                .hasMessageContaining("argnums[0] = -1 is negative");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0, 0}, 1, 1))
                .hasMessageContaining("repeats argument 0");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[0], 1, 1))
                .hasMessageContaining("at least one argument");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(null, Method.NAIVE, new int[] {0}, 1, 1))
                .hasMessageContaining("distribution must not be null");
        assertThatThrownBy(() -> ZeroOrder.zeroOrder(n, Method.NAIVE, new int[] {0}, 1, 1).withThreads(0))
                .hasMessageContaining("threads must be at least 1");
    }

    @Test
    void rejectsArgnumsOutOfRangeAndNonScalarOutputs() {
        TensorFunction g = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.NAIVE, new int[] {0, 2}, 1, 1)
                .apply(in -> in[0].sum());
        assertThatThrownBy(() -> g.apply(Tensor.of(1.0), Tensor.of(2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argnums[1] = 2 is out of range for a function called with 2 argument(s)");
        TensorFunction vector = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.NAIVE, new int[] {0}, 1, 1)
                .apply(in -> in[0]);
        assertThatThrownBy(() -> vector.apply(Tensor.of(1.0, 2.0)))
                .hasMessageContaining("must return a scalar");
    }
}
