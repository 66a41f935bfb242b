package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdamAlgorithmTest {
    private static final AdamAlgorithm ADAM = AdamAlgorithm.adam();
    private static final AdamAlgorithm ADAMW = AdamAlgorithm.adamW();

    private static Options adam(Object... overrides) {
        return ADAM.defaults().withAll(Options.of(overrides));
    }

    @Test
    void twoStepsFollowTorchsFormulas() {
        Tensor p = Tensor.of(1.0);
        Options o = adam("lr", 0.1, "betas", new double[] {0.9, 0.99}, "eps", 1e-3);
        ParamStep s1 = ADAM.step(p, Tensor.of(2.0), Map.of(), o);
        double m1 = 0 + 0.1 * (2.0 - 0); // lerp(0, g, 0.1)
        double v1 = 0.99 * 0 + 0.01 * 2.0 * 2.0;
        double p1 = 1.0 - (0.1 / (1 - 0.9)) * m1 / (Math.sqrt(v1) / Math.sqrt(1 - 0.99) + 1e-3);
        assertThat(s1.param().item()).isCloseTo(p1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(((Tensor) s1.state().get("step")).item()).isEqualTo(1.0);
        assertThat(((Tensor) s1.state().get("step")).dim()).isZero();
        assertThat(s1.state().keySet()).containsExactly("step", "exp_avg", "exp_avg_sq");

        ParamStep s2 = ADAM.step(s1.param(), Tensor.of(-1.0), s1.state(), o);
        double m2 = m1 + 0.1 * (-1.0 - m1);
        double v2 = 0.99 * v1 + 0.01 * 1.0;
        double p2 = p1 - (0.1 / (1 - 0.81)) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.99 * 0.99) + 1e-3);
        assertThat(s2.param().item()).isCloseTo(p2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(((Tensor) s2.state().get("exp_avg")).item()).isCloseTo(m2, org.assertj.core.data.Offset.offset(1e-16));
    }

    @Test
    void firstMomentUsesLerpsSecondBranchForLargeWeights() {
        // betas[0] = 0.2 gives w = 0.8: b - (b - a)(1 - w)
        ParamStep s = ADAM.step(Tensor.of(0.0), Tensor.of(3.0), Map.of(), adam("betas", new double[] {0.2, 0.999}));
        assertThat(((Tensor) s.state().get("exp_avg")).item()).isEqualTo(3.0 - (3.0 - 0.0) * (1 - 0.8));
    }

    @Test
    void amsgradKeepsTheMaxOfTheRawSecondMoment() {
        Options o = adam("lr", 0.1, "amsgrad", true);
        ParamStep s1 = ADAM.step(Tensor.of(1.0), Tensor.of(3.0), Map.of(), o);
        ParamStep s2 = ADAM.step(s1.param(), Tensor.of(0.01), s1.state(), o);
        double v1 = 0.999 * 0.0 + ((1 - 0.999) * 3.0) * 3.0; // addcmul: v + (value * g) * g
        double v2 = 0.999 * v1 + ((1 - 0.999) * 0.01) * 0.01;
        assertThat(v2).isLessThan(v1);
        assertThat(((Tensor) s2.state().get("exp_avg_sq")).item()).isEqualTo(v2);
        assertThat(((Tensor) s2.state().get("max_exp_avg_sq")).item()).isEqualTo(v1);
        assertThat(s2.state().keySet()).containsExactly("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");
    }

    @Test
    void coupledDecayGoesThroughTheMomentsAndDecoupledScalesTheParameter() {
        Tensor p = Tensor.of(2.0);
        ParamStep coupled = ADAM.step(p, Tensor.of(1.0), Map.of(), adam("lr", 0.1, "weight_decay", 0.5));
        assertThat(((Tensor) coupled.state().get("exp_avg")).item()).isCloseTo(0.1 * (1.0 + 0.5 * 2.0), org.assertj.core.data.Offset.offset(1e-16));
        ParamStep decoupled = ADAM.step(p, Tensor.of(1.0), Map.of(), adam("lr", 0.1, "weight_decay", 0.5, "decoupled_weight_decay", true));
        assertThat(((Tensor) decoupled.state().get("exp_avg")).item()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-16));
        ParamStep adamW = ADAMW.step(p, Tensor.of(1.0), Map.of(), ADAMW.defaults().withAll(Options.of("lr", 0.1, "weight_decay", 0.5)));
        assertThat(adamW.param().item()).isEqualTo(decoupled.param().item());
        // first step: m_hat / sqrt(v_hat) = 1, so p = p (1 - lr wd) - lr / (1 + eps')
        assertThat(decoupled.param().item()).isCloseTo(2.0 * (1 - 0.05) - 0.1, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void maximizeNegatesTheGradientBeforeDecay() {
        ParamStep s = ADAM.step(Tensor.of(2.0), Tensor.of(1.0), Map.of(), adam("maximize", true, "weight_decay", 0.5));
        assertThat(((Tensor) s.state().get("exp_avg")).item()).isCloseTo(0.1 * (-1.0 + 0.5 * 2.0), org.assertj.core.data.Offset.offset(1e-16));
    }

    @Test
    void defaultsHaveTorchsKeysAndValues() {
        assertThat(ADAM.defaults().keys()).containsExactly("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "foreach",
                "capturable", "differentiable", "fused", "decoupled_weight_decay");
        assertThat(ADAM.defaults().get("weight_decay")).isEqualTo(0L);
        assertThat(ADAMW.defaults().get("weight_decay")).isEqualTo(1e-2);
        assertThat(ADAMW.defaults().get("decoupled_weight_decay")).isEqualTo(true);
        assertThat(ADAM.name()).isEqualTo("Adam");
        assertThat(ADAMW.name()).isEqualTo("AdamW");
    }

    @Test
    void validationUsesTorchsMessages() {
        assertThatThrownBy(() -> ADAM.validate(adam("lr", -0.1))).hasMessage("Invalid learning rate: -0.1");
        assertThatThrownBy(() -> ADAM.validate(adam("eps", -1.0))).hasMessage("Invalid epsilon value: -1.0");
        assertThatThrownBy(() -> ADAM.validate(adam("betas", new double[] {1.0, 0.9}))).hasMessage("Invalid beta parameter at index 0: 1.0");
        assertThatThrownBy(() -> ADAM.validate(adam("betas", new double[] {0.9, -0.1}))).hasMessage("Invalid beta parameter at index 1: -0.1");
        assertThatThrownBy(() -> ADAM.validate(adam("betas", new double[] {0.9}))).hasMessageContaining("\"betas\" must hold 2 numbers");
        assertThatThrownBy(() -> ADAM.validate(adam("weight_decay", -1.0))).hasMessage("Invalid weight_decay value: -1.0");
        assertThatThrownBy(() -> ADAM.validate(adam("lr", Double.NaN))).hasMessage("Invalid learning rate: nan");
        assertThatThrownBy(() -> ADAM.validate(adam("foreach", true, "fused", true))).hasMessage("`fused` and `foreach` cannot be `True` together.");
        assertThatThrownBy(() -> ADAMW.validate(ADAMW.defaults().with("decoupled_weight_decay", false)))
                .hasMessageContaining("AdamW always decouples weight decay");
    }

    @Test
    void stateFromAnotherRunMustHaveEveryKey() {
        Tensor p = Tensor.of(1.0, 2.0);
        Map<String, Object> state = Map.of("step", Tensor.scalar(1.0), "exp_avg", Tensor.of(0.0, 0.0), "exp_avg_sq", Tensor.of(0.0, 0.0));
        ADAM.validateState(p, state, adam());
        assertThatThrownBy(() -> ADAM.validateState(p, state, adam("amsgrad", true))).hasMessageContaining("lacks tensor \"max_exp_avg_sq\"");
        assertThatThrownBy(() -> ADAM.step(p, p, state, adam("amsgrad", true))).hasMessageContaining("lacks tensor \"max_exp_avg_sq\"");
    }
}
