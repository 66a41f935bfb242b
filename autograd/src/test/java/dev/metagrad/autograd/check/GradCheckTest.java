package dev.metagrad.autograd.check;

import dev.metagrad.autograd.CustomFunction;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradCheckTest {

    /** sin(x) whose backward multiplies cos(x) by {@code factor} (1 is correct). */
    static final class ScaledSin extends CustomFunction {
        private final double factor;

        ScaledSin(double factor) {
            this.factor = factor;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0]);
            return in[0].sin();
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.saved(0).cos()).mul(factor)};
        }
    }

    /** x^2 with a correct first derivative whose own derivative is dropped (detached 2x). */
    static final class SquareWithFrozenBackward extends CustomFunction {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0]);
            return in[0].square();
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.saved(0).detach().mul(2.0))};
        }
    }

    private static Tensor x() {
        return Tensor.of(new double[] {0.3, -1.1, 0.7, 2.0}, 2, 2).requiresGrad(true);
    }

    @Test
    void gradcheckAcceptsACorrectGradient() {
        assertThat(GradCheck.gradcheck(in -> new ScaledSin(1.0).apply(in[0]), x())).isTrue();
        assertThat(GradCheck.gradcheck(in -> in[0].mul(in[1]).exp(), x(), x())).isTrue();
    }

    @Test
    void gradcheckReportsTheInputElementAndBothValues() {
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> new ScaledSin(1.5).apply(in[0]), x()))
                .isInstanceOf(GradcheckException.class)
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("Jacobian mismatch", "input 0", "[2, 2]", "element 0", "numerical", "analytical",
                        String.valueOf(Math.cos(0.3)).substring(0, 6));
    }

    @Test
    void gradcheckNamesTheFailingInputAmongSeveral() {
        // only the second input's gradient is wrong
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> in[0].add(new ScaledSin(2.0).apply(in[1])), x(), x()))
                .isInstanceOf(GradcheckException.class)
                .hasMessageContaining("with respect to input 1");
    }

    @Test
    void gradcheckReturnsFalseWhenNotRaising() {
        GradCheck.Options quiet = GradCheck.Options.defaults().withRaiseException(false);
        assertThat(GradCheck.gradcheck(in -> new ScaledSin(1.5).apply(in[0]), quiet, x())).isFalse();
        assertThat(GradCheck.gradcheck(in -> new ScaledSin(1.0).apply(in[0]), quiet, x())).isTrue();
    }

    @Test
    void toleranceDecidesSmallDiscrepancies() {
        // a 0.5% error: outside the default rtol 1e-3, inside 1e-2
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> new ScaledSin(1.005).apply(in[0]), x()))
                .isInstanceOf(GradcheckException.class);
        GradCheck.Options loose = GradCheck.Options.defaults().withTolerances(1e-5, 1e-2);
        assertThat(GradCheck.gradcheck(in -> new ScaledSin(1.005).apply(in[0]), loose, x())).isTrue();
    }

    @Test
    void fastModeAcceptsCorrectAndRejectsWrongGradients() {
        GradCheck.Options fast = GradCheck.Options.defaults().withFastMode(true);
        assertThat(GradCheck.gradcheck(in -> new ScaledSin(1.0).apply(in[0]), fast, x())).isTrue();
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> new ScaledSin(1.5).apply(in[0]), fast, x()))
                .isInstanceOf(GradcheckException.class)
                .hasMessageContainingAll("fast mode", "input 0", "withFastMode(false)");
        assertThat(GradCheck.gradgradcheck(in -> in[0].pow(3), fast, x())).isTrue();
    }

    @Test
    void gradgradcheckAcceptsCorrectSecondDerivatives() {
        assertThat(GradCheck.gradgradcheck(in -> new ScaledSin(1.0).apply(in[0]), x())).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> in[0].mul(in[1]).tanh(), x(), x())).isTrue();
    }

    @Test
    void gradgradcheckRejectsAMissingSecondDerivative() {
        // first order is right, so gradcheck passes; the detached 2x loses d2/dx2 = 2
        assertThat(GradCheck.gradcheck(in -> new SquareWithFrozenBackward().apply(in[0]), x())).isTrue();
        assertThatThrownBy(() -> GradCheck.gradgradcheck(in -> new SquareWithFrozenBackward().apply(in[0]), x()))
                .isInstanceOf(GradcheckException.class)
                .hasMessageContaining("input 0");
    }

    @Test
    void inputsThatDoNotRequireGradAreHeldFixed() {
        Tensor constant = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertThat(GradCheck.gradcheck(in -> in[0].mul(in[1]), x(), constant)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> in[0].mul(in[1]).square(), x(), constant)).isTrue();
    }

    @Test
    void gradcheckRejectsFloat32Inputs() {
        Tensor f = Tensor.ofFloats(new float[] {1f, 2f}, 2).requiresGrad(true);
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> in[0].square(), f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gradcheck", "input 0", "float32", "float64");
    }

    @Test
    void gradcheckNeedsAnInputThatRequiresGrad() {
        assertThatThrownBy(() -> GradCheck.gradcheck(in -> in[0].square(), Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gradcheck", "no input requires grad");
        assertThatThrownBy(() -> GradCheck.gradgradcheck(in -> in[0].square(), Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradgradcheck");
    }

    @Test
    void optionsDefaultsAreTorchsAndWithersChangeOneField() {
        GradCheck.Options d = GradCheck.Options.defaults();
        assertThat(d.eps()).isEqualTo(1e-6);
        assertThat(d.atol()).isEqualTo(1e-5);
        assertThat(d.rtol()).isEqualTo(1e-3);
        assertThat(d.fastMode()).isFalse();
        assertThat(d.raiseException()).isTrue();
        GradCheck.Options o = d.withEps(1e-4).withSeed(9).withFastMode(true);
        assertThat(o).isEqualTo(new GradCheck.Options(1e-4, 1e-5, 1e-3, true, true, 9));
        assertThat(d.withTolerances(1, 2).atol()).isEqualTo(1);
        assertThat(d.withTolerances(1, 2).rtol()).isEqualTo(2);
    }

    @Test
    void gradcheckWorksOnTensorsOfEveryShapeIncludingScalars() {
        Tensor s = Tensor.scalar(0.7).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> in[0].exp().mul(in[0]), s)).isTrue();
        Tensor v = Tensor.of(0.1, 0.2, 0.3).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> in[0].to(DType.FLOAT64).sum(), v)).isTrue();
    }
}
