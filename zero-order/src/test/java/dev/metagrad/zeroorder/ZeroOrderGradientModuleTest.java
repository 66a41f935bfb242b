package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.TensorFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZeroOrderGradientModuleTest {
    /** The quadratic as a module with Gaussian noise. */
    static final class QuadraticModule extends ZeroOrderGradientModule {
        QuadraticModule(Method method, int n, double sigma, long seed) {
            super(method, n, sigma, new Generator(seed));
        }

        @Override
        protected Tensor forward(Tensor... args) {
            return Quadratic.F.apply(args);
        }

        @Override
        public Tensor sample(int[] shape, Generator rng) {
            return Tensor.randn(rng, shape);
        }
    }

    @Test
    void matchesZeroOrderWithTheSameSeed() {
        QuadraticModule module = new QuadraticModule(Method.ANTITHETIC, 8, 0.1, 5);
        Tensor x = Quadratic.X.requiresGrad(true);
        Tensor y = module.call(x);
        assertThat(y.item()).isEqualTo(Quadratic.F.apply(Quadratic.X).item());
        double[] viaModule = Autograd.grad(y, x)[0].toDoubleArray();

        TensorFunction g = ZeroOrder.zeroOrder(Samplable.standardNormal(), Method.ANTITHETIC, new int[] {0}, 8, 0.1)
                .withGenerator(new Generator(5)).apply(Quadratic.F);
        Tensor x2 = Quadratic.X.requiresGrad(true);
        assertThat(viaModule).containsExactly(Autograd.grad(g.apply(x2), x2)[0].toDoubleArray());
        assertThat(module.method()).isEqualTo(Method.ANTITHETIC);
        assertThat(module.numSamples()).isEqualTo(8);
        assertThat(module.sigma()).isEqualTo(0.1);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new QuadraticModule(Method.NAIVE, 0, 1, 0)).hasMessageContaining("numSamples");
        assertThatThrownBy(() -> new QuadraticModule(Method.NAIVE, 1, 0, 0)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new QuadraticModule(Method.NAIVE, 1, 1, 0).call()).hasMessageContaining("at least one argument");
    }
}
