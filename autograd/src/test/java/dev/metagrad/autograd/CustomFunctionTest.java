package dev.metagrad.autograd;

import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.autograd.check.GradcheckException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CustomFunctionTest {

    /** x^3 with a backward written in Tensor ops: differentiable to any order. */
    static final class Cube extends CustomFunction {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0]);
            return in[0].pow(3);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor x = ctx.saved(0);
            return new Tensor[] {g.mul(x.square().mul(3))};
        }
    }

    /** x^3 with a backward computed from raw arrays: right first derivative, no second. */
    static final class RawCube extends CustomFunction {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0]);
            return in[0].pow(3);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            double[] x = ctx.saved(0).toDoubleArray();
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = 3 * x[i] * x[i];
            }
            return new Tensor[] {g.mul(Tensor.of(d, ctx.saved(0).shape()))};
        }
    }

    /** a * sin(b) with a scale kept in the context. */
    static final class ScaledMulSin extends CustomFunction {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.save(in[0], in[1]);
            ctx.put("scale", 2.5);
            return in[0].mul(in[1].sin()).mul(2.5);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor a = ctx.saved(0);
            Tensor b = ctx.saved(1);
            double scale = ctx.get("scale");
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.mul(b.sin()).mul(scale) : null,
                ctx.needsInputGrad(1) ? g.mul(a).mul(b.cos()).mul(scale) : null};
        }
    }

    @Test
    void firstAndSecondDerivativesThroughATensorOpBackward() {
        Tensor x = Tensor.of(-1, 0.5, 2).requiresGrad(true);
        Tensor y = new Cube().apply(x);
        assertThat(y.toDoubleArray()).containsExactly(-1, 0.125, 8);
        Tensor g = Autograd.gradOf(y.sum()).inputs(x).createGraph(true).compute()[0];
        assertThat(g.toDoubleArray()).containsExactly(3, 0.75, 12);
        assertThat(Autograd.grad(g.sum(), x)[0].toDoubleArray()).containsExactly(-6, 3, 12);
    }

    @Test
    void tensorOpBackwardPassesGradcheckAndGradgradcheck() {
        Tensor x = Tensor.of(-1.2, 0.4, 1.7).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> new Cube().apply(in[0]), x)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> new Cube().apply(in[0]), x)).isTrue();
    }

    @Test
    void twoInputFunctionPassesGradgradcheck() {
        Tensor a = Tensor.of(0.3, -0.8).requiresGrad(true);
        Tensor b = Tensor.of(1.1, 0.2).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> new ScaledMulSin().apply(in[0], in[1]), a, b)).isTrue();
        assertThat(GradCheck.gradgradcheck(in -> new ScaledMulSin().apply(in[0], in[1]), a, b)).isTrue();
    }

    @Test
    void rawArrayBackwardIsFirstOrderOnly() {
        Tensor x = Tensor.of(-1.2, 0.4, 1.7).requiresGrad(true);
        assertThat(GradCheck.gradcheck(in -> new RawCube().apply(in[0]), x)).isTrue();
        assertThatThrownBy(() -> GradCheck.gradgradcheck(in -> new RawCube().apply(in[0]), x))
                .isInstanceOf(GradcheckException.class);
    }

    @Test
    void wrongNumberOfGradientsThrowsNamingTheFunction() {
        CustomFunction oneGradForTwo = new CustomFunction() {
            @Override
            protected String name() {
                return "Pair";
            }

            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].add(in[1]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g};
            }
        };
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0).requiresGrad(true);
        Tensor y = oneGradForTwo.apply(a, b);
        assertThatThrownBy(() -> Autograd.grad(y.sum(), a, b))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("Pair.backward", "1 gradients", "2 inputs");
    }

    @Test
    void needsInputGradReflectsWhichInputsRequireGrad() {
        Tensor a = Tensor.of(2.0).requiresGrad(true);
        Tensor b = Tensor.of(0.5);
        Tensor y = new ScaledMulSin().apply(a, b);
        Tensor[] g = Autograd.grad(y.sum(), a);
        assertThat(g[0].item()).isCloseTo(2.5 * Math.sin(0.5), within(1e-15));
    }

    @Test
    void forwardRunsWithRecordingDisabledAndTheResultIsANewNode() {
        AtomicBoolean enabledInForward = new AtomicBoolean(true);
        CustomFunction identity = new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                enabledInForward.set(GradMode.isEnabled());
                return in[0];
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g};
            }
        };
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = identity.apply(x);
        assertThat(enabledInForward).isFalse();
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(y).isNotSameAs(x);
        assertThat(x.isLeaf()).isTrue();
        assertThat(y.gradFn()).isNotNull();
        assertThat(y.gradFn().name()).isEqualTo("CustomFunction");
        assertThat(Autograd.grad(y.sum(), x)[0].toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void nodeIsNamedAfterTheFunctionClass() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor y = new Cube().apply(x);
        assertThat(y.gradFn().name()).isEqualTo("Cube");
        assertThat(y.toString()).contains("gradFn=CubeBackward");
    }

    @Test
    void noNodeWhenNoInputRequiresGrad() {
        Tensor y = new Cube().apply(Tensor.of(2.0));
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.item()).isEqualTo(8.0);
    }
}
