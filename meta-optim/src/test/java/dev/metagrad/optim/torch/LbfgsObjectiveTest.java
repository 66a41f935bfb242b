package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LbfgsObjectiveTest {
    @Test
    void plainObjectiveGivesDetachedLossAndGradientEvenInNoGrad() {
        Tensor c = Tensor.scalar(3.0).requiresGrad(true);
        LbfgsObjective f = LbfgsObjective.of(x -> x.pow(3.0).mul(c).sum(), false);
        LbfgsEvaluation e;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            e = f.evaluate(Tensor.of(1.0, -2.0));
        }
        assertThat(e.loss().item()).isCloseTo(3.0 * (1 - 8), within(1e-12));
        assertThat(e.flatGrad().toDoubleArray()).containsExactly(new double[]{9.0, 36.0}, within(1e-12));
        assertThat(e.loss().requiresGrad()).isFalse();
        assertThat(e.flatGrad().requiresGrad()).isFalse();
    }

    @Test
    void differentiableObjectiveKeepsTheGradientsGraph() {
        Tensor c = Tensor.scalar(3.0).requiresGrad(true);
        LbfgsEvaluation e = LbfgsObjective.of(x -> x.pow(3.0).mul(c).sum(), true).evaluate(Tensor.of(1.0, -2.0));
        // d/dc of sum(∇f) = d/dc sum(3 c x^2) = 3 (1 + 4)
        Tensor dc = Autograd.grad(e.flatGrad().sum(), c)[0];
        assertThat(dc.item()).isCloseTo(15.0, within(1e-12));
    }

    @Test
    void aConstantFunctionHasAZeroGradient() {
        LbfgsEvaluation e = LbfgsObjective.of(x -> Tensor.scalar(2.0), false).evaluate(Tensor.of(1.0, 2.0));
        assertThat(e.flatGrad().toDoubleArray()).containsExactly(0.0, 0.0);
    }

    @Test
    void aNonScalarLossIsNamed() {
        assertThatThrownBy(() -> LbfgsObjective.of(x -> x.square(), false).evaluate(Tensor.of(1.0, 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-element").hasMessageContaining("[2]");
    }
}
