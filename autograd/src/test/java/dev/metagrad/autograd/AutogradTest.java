package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The torch.autograd.grad / backward semantics of the public entry points. */
class AutogradTest {

    // ---------------------------------------------------------------------------------------------
    // Seeds and outputs

    @Test
    void gradOfANonScalarWithoutGradOutputsThrowsNamingTheShape() {
        Tensor x = Tensor.ones(2, 3).requiresGrad(true);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(() -> Autograd.grad(y, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("grad", "output 0", "[2, 3]", "gradOutputs");
    }

    @Test
    void backwardOfANonScalarWithoutAGradientThrowsNamingTheShape() {
        Tensor x = Tensor.ones(4).requiresGrad(true);
        assertThatThrownBy(() -> x.mul(2.0).backward())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("backward", "[4]", "gradOutputs");
    }

    @Test
    void gradOutputsGiveAVectorJacobianProduct() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = x.square();
        Tensor[] g = Autograd.gradOf(y).inputs(x).gradOutputs(Tensor.of(1, 0.5, -1)).compute();
        assertThat(g[0].toDoubleArray()).containsExactly(2, 2, -6);
    }

    @Test
    void gradOutputsOfTheWrongShapeAreRejected() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = x.square();
        assertThatThrownBy(() -> Autograd.gradOf(y).inputs(x).gradOutputs(Tensor.ones(2)).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gradOutputs[0]", "[2]", "[3]");
    }

    @Test
    void oneGradOutputPerOutputIsRequired() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        assertThatThrownBy(() -> Autograd.gradOf(x.mul(2.0), x.mul(3.0)).inputs(x).gradOutputs(Tensor.ones(1)).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("2 outputs", "1 gradOutputs");
    }

    @Test
    void gradientsOfSeveralOutputsAreSummed() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(x.square().sum(), x.mul(5.0).sum()).inputs(x).compute();
        assertThat(g[0].item()).isEqualTo(9.0);
    }

    @Test
    void anOutputThatDoesNotRequireGradIsRejected() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor constant = Tensor.of(1.0);
        assertThatThrownBy(() -> Autograd.grad(constant, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("grad", "output 0", "does not require grad");
    }

    @Test
    void gradWithoutInputsIsRejected() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        assertThatThrownBy(() -> Autograd.grad(x.square()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("grad", "no inputs");
    }

    @Test
    void gradOfALeafWithRespectToItselfIsOne() {
        Tensor x = Tensor.scalar(3.0).requiresGrad(true);
        assertThat(Autograd.grad(x, x)[0].item()).isEqualTo(1.0);
    }

    @Test
    void gradOutputsOfAnotherDtypeAreRejected() {
        Tensor x = Tensor.ofFloats(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(() -> Autograd.gradOf(y).inputs(x).gradOutputs(Tensor.ones(2)).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("gradOutputs[0]", "float64", "float32");
    }

    @Test
    void float32GraphsGiveFloat32GradientsCloseToFloat64() {
        float[] xv = {0.3f, -1.2f, 0.8f};
        Tensor x32 = Tensor.ofFloats(xv, 3).requiresGrad(true);
        Tensor x64 = x32.detach().to(DType.FLOAT64).requiresGrad(true);
        Tensor g32 = Autograd.grad(x32.tanh().mul(x32.exp()).mean(), x32)[0];
        Tensor g64 = Autograd.grad(x64.tanh().mul(x64.exp()).mean(), x64)[0];
        assertThat(g32.dtype()).isEqualTo(DType.FLOAT32);
        double[] a = g32.toDoubleArray();
        double[] b = g64.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-6 * Math.abs(b[i])));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Freeing and retaining the graph

    @Test
    void backwardTwiceWithoutRetainGraphThrowsMentioningRetainGraph() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor loss = x.square().sum();
        loss.backward();
        assertThatThrownBy(loss::backward)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("second time", "retainGraph");
    }

    @Test
    void gradTwiceWithoutRetainGraphThrows() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor loss = x.exp().sum();
        Autograd.grad(loss, x);
        assertThatThrownBy(() -> Autograd.grad(loss, x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retainGraph");
    }

    @Test
    void backwardTwiceWithRetainGraphWorksAndAccumulates() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor loss = x.square().sum();
        Autograd.backward(loss).retainGraph(true).run();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 4);
        loss.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 8);
    }

    @Test
    void retainGraphDefaultsToCreateGraph() {
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor y = x.pow(3).sum();
        Autograd.gradOf(y).inputs(x).createGraph(true).compute();
        // the graph was retained, so a second pass works
        assertThat(Autograd.grad(y, x)[0].item()).isEqualTo(27.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Accumulation into leaves

    @Test
    void leafGradientsAccumulateAcrossBackwardCalls() {
        Tensor w = Tensor.of(1, -1).requiresGrad(true);
        w.mul(Tensor.of(3, 4)).sum().backward();
        w.square().sum().backward();
        // [3, 4] + 2w
        assertThat(w.grad().toDoubleArray()).containsExactly(5, 2);
        w.setGrad(null);
        assertThat(w.grad()).isNull();
    }

    @Test
    void backwardWithASeedScalesTheGradient() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        x.mul(3.0).backward(Tensor.of(1, -2));
        assertThat(x.grad().toDoubleArray()).containsExactly(3, -6);
    }

    @Test
    void backwardRestrictedToGivenInputsLeavesOtherLeavesAlone() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor y = Tensor.of(5.0).requiresGrad(true);
        Autograd.backward(x.mul(y).sum()).inputs(x).run();
        assertThat(x.grad().item()).isEqualTo(5.0);
        assertThat(y.grad()).isNull();
    }

    @Test
    void backwardRestrictedToInputsLeavesAnUnreachedInputsGradUnchanged() {
        // torch.autograd.backward(inputs=...) allows inputs the outputs do not reach
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor unreached = Tensor.of(5.0).requiresGrad(true);
        Autograd.backward(x.square().sum()).inputs(x, unreached).run();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 4);
        assertThat(unreached.grad()).isNull();
    }

    @Test
    void backwardIntoAnInputThatDoesNotRequireGradThrows() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor c = Tensor.of(3.0);
        assertThatThrownBy(() -> Autograd.backward(x.square().sum()).inputs(x, c).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("backward", "input 1", "[1]", "does not require grad");
    }

    @Test
    void backwardIntoANonLeafInputAccumulatesIntoItsGrad() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor h = x.mul(3.0);
        Autograd.backward(h.square().sum()).inputs(h).run();
        assertThat(h.grad().item()).isEqualTo(12.0);
        assertThat(x.grad()).isNull();
    }

    @Test
    void backwardAccumulatesIntoEveryReachableLeafButNotIntoIntermediates() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0).requiresGrad(true);
        Tensor h = a.mul(b);
        h.add(a).sum().backward();
        assertThat(a.grad().item()).isEqualTo(3.0);
        assertThat(b.grad().item()).isEqualTo(1.0);
        assertThat(h.grad()).isNull();
    }

    @Test
    void gradDoesNotTouchLeafGrads() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Autograd.grad(x.square().sum(), x);
        assertThat(x.grad()).isNull();
    }

    @Test
    void backwardWithCreateGraphGivesDifferentiableGrads() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Autograd.backward(x.pow(3).sum()).createGraph(true).run();
        Tensor g = x.grad();
        assertThat(g.item()).isEqualTo(12.0);
        assertThat(g.requiresGrad()).isTrue();
        assertThat(Autograd.grad(g.sum(), x)[0].item()).isEqualTo(12.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Inputs that are unused or do not require grad

    @Test
    void gradWithRespectToAnInputThatDoesNotRequireGradThrows() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor c = Tensor.of(3.0);
        Tensor y = x.mul(c).sum();
        assertThatThrownBy(() -> Autograd.grad(y, x, c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("grad", "input 1", "[1]", "does not require grad", "allowUnused");
    }

    @Test
    void anInputThatDoesNotRequireGradGetsNullWithAllowUnused() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor c = Tensor.of(3.0);
        Tensor[] g = Autograd.gradOf(x.mul(c).sum()).inputs(x, c).allowUnused(true).compute();
        assertThat(g[0].item()).isEqualTo(3.0);
        assertThat(g[1]).isNull();
    }

    @Test
    void anUnusedInputThrows() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor unused = Tensor.zeros(2, 2).requiresGrad(true);
        assertThatThrownBy(() -> Autograd.grad(x.square().sum(), x, unused))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("input 1", "[2, 2]", "not used", "allowUnused");
    }

    @Test
    void anUnusedInputGetsNullWithAllowUnused() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor unused = Tensor.zeros(2, 2).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(x.square().sum()).inputs(x, unused).allowUnused(true).compute();
        assertThat(g[0].item()).isEqualTo(4.0);
        assertThat(g[1]).isNull();
    }

    @Test
    void anUnusedInputGetsZerosWithMaterializeGrads() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor unused = Tensor.ones(DType.FLOAT64, 2, 2).requiresGrad(true);
        Tensor[] g = Autograd.gradOf(x.square().sum()).inputs(List.of(x, unused)).materializeGrads(true).compute();
        assertThat(g[1].shape()).containsExactly(2, 2);
        assertThat(g[1].toDoubleArray()).containsOnly(0.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Higher order, intermediates, detach and grad mode

    @Test
    void thirdDerivativeOfXToTheFourthIs24X() {
        Tensor x = Tensor.of(-1.5, 0.5, 2).requiresGrad(true);
        Tensor y = x.pow(4).sum();
        Tensor g1 = Autograd.gradOf(y).inputs(x).createGraph(true).compute()[0];
        Tensor g2 = Autograd.gradOf(g1.sum()).inputs(x).createGraph(true).compute()[0];
        Tensor g3 = Autograd.gradOf(g2.sum()).inputs(x).createGraph(true).compute()[0];
        assertThat(g1.toDoubleArray()).containsExactly(new double[] {4 * -3.375, 4 * 0.125, 32}, within(1e-12));
        assertThat(g2.toDoubleArray()).containsExactly(new double[] {12 * 2.25, 12 * 0.25, 48}, within(1e-12));
        assertThat(g3.toDoubleArray()).containsExactly(new double[] {-36, 12, 48}, within(1e-12));
        // and the fourth is the constant 24
        assertThat(Autograd.grad(g3.sum(), x)[0].toDoubleArray()).containsExactly(new double[] {24, 24, 24}, within(1e-12));
    }

    @Test
    void fifthDerivativeOfSinIsCos() {
        Tensor x = Tensor.of(0.3).requiresGrad(true);
        Tensor g = x.sin().sum();
        for (int order = 0; order < 5; order++) {
            g = Autograd.gradOf(g.sum()).inputs(x).createGraph(true).compute()[0];
        }
        assertThat(g.item()).isCloseTo(Math.cos(0.3), within(1e-15));
    }

    @Test
    void gradWithRespectToAnIntermediateTensor() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor h = x.mul(3.0);
        Tensor y = h.square().sum();
        Tensor[] g = Autograd.gradOf(y).inputs(h, x).compute();
        // dy/dh = 2h = [6, 12]; dy/dx = 2h * 3
        assertThat(g[0].toDoubleArray()).containsExactly(6, 12);
        assertThat(g[1].toDoubleArray()).containsExactly(18, 36);
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor d = x.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.isLeaf()).isTrue();
        // y = x * stop(x): dy/dx = stop(x) = 3, not 2x = 6
        assertThat(Autograd.grad(x.mul(d).sum(), x)[0].item()).isEqualTo(3.0);
    }

    @Test
    void noGradResultsDoNotRequireGrad() {
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor y;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            y = x.mul(2.0).exp().sum();
        }
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.gradFn()).isNull();
        assertThatThrownBy(() -> Autograd.grad(y, x)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradsWithoutCreateGraphDoNotRequireGrad() {
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor g = Autograd.grad(x.pow(3).sum(), x)[0];
        assertThat(g.requiresGrad()).isFalse();
        assertThat(g.gradFn()).isNull();
        Tensor x2 = Tensor.of(3.0).requiresGrad(true);
        Tensor g2 = Autograd.gradOf(x2.pow(3).sum()).inputs(x2).createGraph(true).compute()[0];
        assertThat(g2.requiresGrad()).isTrue();
    }

    @Test
    void diamondGraphAccumulatesBothPaths() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        // y = x*x + 3x: dy/dx = 2x + 3
        assertThat(Autograd.grad(x.mul(x).add(x.mul(3.0)).sum(), x)[0].item()).isEqualTo(7.0);
        // a = 2x used twice: y = a^2 + a, dy/dx = (2a + 1) * 2
        Tensor a = x.mul(2.0);
        assertThat(Autograd.grad(a.mul(a).add(a).sum(), x)[0].item()).isEqualTo(18.0);
    }

    @Test
    void secondDerivativeThroughADiamond() {
        Tensor x = Tensor.of(1.5).requiresGrad(true);
        Tensor a = x.exp();
        Tensor y = a.mul(x).sum(); // x e^x: y'' = (x + 2) e^x
        Tensor g = Autograd.gradOf(y).inputs(x).createGraph(true).compute()[0];
        assertThat(g.item()).isCloseTo(2.5 * Math.exp(1.5), within(1e-12));
        assertThat(Autograd.grad(g.sum(), x)[0].item()).isCloseTo(3.5 * Math.exp(1.5), within(1e-12));
    }

    @Test
    void mixedSecondDerivative() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor y = Tensor.of(3.0).requiresGrad(true);
        // f = x^2 y^3: d2f/dxdy = 6 x y^2
        Tensor gx = Autograd.gradOf(x.square().mul(y.pow(3)).sum()).inputs(x).createGraph(true).compute()[0];
        assertThat(Autograd.grad(gx.sum(), y)[0].item()).isCloseTo(108.0, within(1e-12));
    }
}
