package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ASGDAlgorithmTest {
    private final Algorithm asgd = new ASGDAlgorithm();

    private Options group(Object... kv) {
        return asgd.defaults().withAll(Options.of(kv));
    }

    private static double item(ParamStep s, String key) {
        return ((Tensor) s.state().get(key)).item();
    }

    @Test
    void etaAndMuLagOneStepAndAveragingStartsAfterT0PlusTwo() {
        Options o = group("lr", 0.1, "lambd", 0.5, "alpha", 1.0, "t0", 1.0);
        ParamStep s1 = asgd.step(Tensor.of(1.0), Tensor.of(2.0), Map.of(), o);
        // eta = lr, mu = 1: p = 1 (1 - 0.05) - 0.1 * 2 = 0.75, ax = p
        assertThat(s1.param().item()).isCloseTo(0.75, within(1e-15));
        assertThat(item(s1, "ax")).isEqualTo(s1.param().item());
        assertThat(item(s1, "eta")).isCloseTo(0.1 / 1.05, within(1e-16)); // lr / (1 + lambd lr t)^alpha
        assertThat(item(s1, "mu")).isEqualTo(1.0);                         // 1 / max(1, 1 - 1)
        ParamStep s2 = asgd.step(s1.param(), Tensor.of(1.0), s1.state(), o);
        double p2 = 0.75 * (1 - 0.5 * 0.1 / 1.05) - 0.1 / 1.05;
        assertThat(s2.param().item()).isCloseTo(p2, within(1e-15));
        assertThat(item(s2, "mu")).isEqualTo(1.0);                         // 1 / max(1, 2 - 1)
        ParamStep s3 = asgd.step(s2.param(), Tensor.of(1.0), s2.state(), o);
        double p3 = p2 * (1 - 0.5 * 0.1 / 1.1) - 0.1 / 1.1;
        assertThat(s3.param().item()).isCloseTo(p3, within(1e-15));
        assertThat(item(s3, "ax")).isCloseTo(p3, within(1e-15));        // mu used at step 3 was 1
        assertThat(item(s3, "mu")).isEqualTo(0.5);                         // 1 / max(1, 3 - 1)
        ParamStep s4 = asgd.step(s3.param(), Tensor.of(1.0), s3.state(), o);
        double p4 = p3 * (1 - 0.5 * 0.1 / 1.15) - 0.1 / 1.15;
        assertThat(s4.param().item()).isCloseTo(p4, within(1e-15));
        assertThat(item(s4, "ax")).isCloseTo(p3 + 0.5 * (p4 - p3), within(1e-15));
        assertThat(s4.state().keySet()).containsExactly("step", "eta", "mu", "ax");
        assertThat(item(s4, "step")).isEqualTo(4.0);
    }

    @Test
    void maximizeNegatesTheGradientBeforeTheL2Term() {
        Options o = group("lr", 0.1, "lambd", 0.0, "weight_decay", 0.5, "maximize", true);
        ParamStep s = asgd.step(Tensor.of(1.0), Tensor.of(2.5), Map.of(), o);
        // g = -2.5 + 0.5 = -2; p = 1 - 0.1 * (-2)
        assertThat(s.param().item()).isCloseTo(1.2, within(1e-15));
    }
}
