package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RAdamAlgorithmTest {
    private final Algorithm radam = new RAdamAlgorithm();

    private Options group(Object... kv) {
        return radam.defaults().withAll(Options.of(kv));
    }

    @Test
    void fiveMomentumStepsThenTheRectifiedStepSix() {
        // a constant gradient makes m / bc1 = g and sqrt(bc2) / sqrt(v) = 1 / |g| exactly in real arithmetic
        Options o = group("lr", 0.1, "eps", 0.0);
        Tensor p = Tensor.of(1.0, -1.0);
        Tensor g = Tensor.of(2.0, -0.5);
        Map<String, Object> state = Map.of();
        for (int t = 1; t <= 5; t++) {
            ParamStep s = radam.step(p, g, state, o);
            // rho_t <= 5 (rho_5 = 4.99...): p -= lr * mhat = lr * g
            assertThat(s.param().toDoubleArray()).as("step %d", t)
                    .containsExactly(new double[] {1.0 - 0.2 * t, -1.0 + 0.05 * t}, within(1e-12));
            p = s.param();
            state = s.state();
        }
        ParamStep s6 = radam.step(p, g, state, o);
        double rhoInf = 2 / (1 - 0.999) - 1;
        double rho6 = rhoInf - 2 * 6 * Math.pow(0.999, 6) / (1 - Math.pow(0.999, 6));
        assertThat(rho6).isGreaterThan(5.0);
        double rect = Math.sqrt((rho6 - 4) * (rho6 - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho6));
        // p -= lr * g * (1 / |g|) * rect = lr * sign(g) * rect
        assertThat(s6.param().toDoubleArray())
                .containsExactly(new double[] {1.0 - 1.0 - 0.1 * rect, -1.0 + 0.25 + 0.1 * rect}, within(1e-12));
        assertThat(((Tensor) s6.state().get("step")).item()).isEqualTo(6.0);
        assertThat(s6.state().keySet()).containsExactly("step", "exp_avg", "exp_avg_sq");
    }

    @Test
    void coupledAndDecoupledWeightDecayAgreeOnStepOneAndDifferOnStepTwo() {
        Options coupled = group("lr", 0.1, "weight_decay", 0.2);
        Options decoupled = coupled.with("decoupled_weight_decay", true);
        ParamStep c1 = radam.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), coupled);
        ParamStep d1 = radam.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), decoupled);
        // coupled: g = 2.2, p = 1 - 0.22; decoupled: p = 0.98 - 0.2
        assertThat(c1.param().item()).isCloseTo(0.78, within(1e-15));
        assertThat(d1.param().item()).isCloseTo(0.78, within(1e-15));
        ParamStep c2 = radam.step(c1.param(), Tensor.of(2.0), c1.state(), coupled);
        ParamStep d2 = radam.step(d1.param(), Tensor.of(2.0), d1.state(), decoupled);
        // coupled: g = 2 + 0.2 * 0.78 = 2.156, m = 0.9 * 0.22 + 0.1 * 2.156 = 0.4136, p = 0.78 - 0.1 * m / 0.19
        assertThat(c2.param().item()).isCloseTo(0.78 - 0.1 * 0.4136 / 0.19, within(1e-14));
        // decoupled: p = 0.78 * 0.98, m = 0.9 * 0.2 + 0.1 * 2 = 0.38, p -= 0.1 * 0.38 / 0.19
        assertThat(d2.param().item()).isCloseTo(0.78 * 0.98 - 0.2, within(1e-14));
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        ParamStep s = radam.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), group("lr", 0.1, "weight_decay", 0.5, "maximize", true));
        // g = -2 + 0.5 = -1.5; step 1: p = 1 - 0.1 * (-1.5)
        assertThat(s.param().item()).isCloseTo(1.15, within(1e-15));
    }

    @Test
    void theRectifiedStepIsDifferentiableInParamGradientAndMoments() {
        Options o = group("lr", 0.1, "weight_decay", 0.1);
        Tensor p = Tensor.of(0.7, -0.4).requiresGrad(true);
        Tensor g = Tensor.of(1.3, 0.6).requiresGrad(true);
        Tensor m = Tensor.of(0.2, 0.1).requiresGrad(true);
        Tensor v = Tensor.of(0.5, 0.3).requiresGrad(true);
        boolean ok = GradCheck.gradcheck(in -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("step", Tensor.scalar(9.0)); // t = 10: rho_10 > 5
            state.put("exp_avg", in[2]);
            state.put("exp_avg_sq", in[3]);
            ParamStep s = radam.step(in[0], in[1], state, o);
            return s.param().square().sum().add(((Tensor) s.state().get("exp_avg_sq")).sum());
        }, p, g, m, v);
        assertThat(ok).isTrue();
    }
}
