package dev.metagrad.optim.torch;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NAdamAlgorithmTest {
    private final Algorithm nadam = new NAdamAlgorithm();

    private Options group(Object... kv) {
        return nadam.defaults().withAll(Options.of(kv));
    }

    private static double mu(double beta1, double t, double momentumDecay) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    @Test
    void twoStepsByHand() {
        Options o = group("lr", 0.1, "eps", 0.0, "betas", new double[] {0.9, 0.99}, "momentum_decay", 0.1);
        double mu1 = mu(0.9, 1, 0.1);
        double mu2 = mu(0.9, 2, 0.1);
        double mu3 = mu(0.9, 3, 0.1);
        ParamStep s1 = nadam.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        // m = 0.2, v = 0.04, denom = sqrt(0.04 / 0.01) = 2
        // p = 1 - 0.1 (1 - mu1) / (1 - mu1) * 2 / 2 - 0.1 mu2 / (1 - mu1 mu2) * 0.2 / 2
        assertThat(s1.param().item()).isCloseTo(1 - 0.1 - 0.01 * mu2 / (1 - mu1 * mu2), within(1e-14));
        Tensor muProduct = (Tensor) s1.state().get("mu_product");
        assertThat(muProduct.dim()).isZero();
        assertThat(muProduct.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(muProduct.item()).isCloseTo(mu1, within(1e-16));
        ParamStep s2 = nadam.step(s1.param(), Tensor.of(1.0), s1.state(), o);
        // m = 0.18 + 0.1 = 0.28, v = 0.0396 + 0.01 = 0.0496, bc2 = 1 - 0.99^2 = 0.0199
        double denom = Math.sqrt(0.0496 / 0.0199);
        double expected = s1.param().item() - 0.1 * (1 - mu2) / (1 - mu1 * mu2) * 1.0 / denom
                - 0.1 * mu3 / (1 - mu1 * mu2 * mu3) * 0.28 / denom;
        assertThat(s2.param().item()).isCloseTo(expected, within(1e-14));
        assertThat(((Tensor) s2.state().get("mu_product")).item()).isCloseTo(mu1 * mu2, within(1e-16));
        assertThat(s2.state().keySet()).containsExactly("step", "mu_product", "exp_avg", "exp_avg_sq");
    }

    @Test
    void decoupledDecayScalesTheParameterAndLeavesTheGradientAlone() {
        Options o = group("lr", 0.1, "eps", 0.0, "weight_decay", 0.5, "decoupled_weight_decay", true);
        ParamStep s = nadam.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        double mu1 = mu(0.9, 1, 4e-3);
        double mu2 = mu(0.9, 2, 4e-3);
        // p = 1 (1 - 0.05), then m = 0.2 and denom = 2 as without decay
        assertThat(s.param().item()).isCloseTo(0.95 - 0.1 - 0.01 * mu2 / (1 - mu1 * mu2), within(1e-14));
        assertThat(((Tensor) s.state().get("exp_avg")).item()).isCloseTo(0.2, within(1e-16));
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 0.1, "eps", 0.0, "weight_decay", 0.5, "maximize", true);
        ParamStep s = nadam.step(Tensor.of(1.0), Tensor.of(2.5), Map.of(), o);
        double mu1 = mu(0.9, 1, 4e-3);
        double mu2 = mu(0.9, 2, 4e-3);
        // g = -2.5 + 0.5 = -2: m = -0.2, denom = 2
        assertThat(s.param().item()).isCloseTo(1 + 0.1 + 0.01 * mu2 / (1 - mu1 * mu2), within(1e-14));
    }
}
