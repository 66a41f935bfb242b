package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ASGDTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        ASGD opt = new ASGD(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "lambd", "alpha", "t0", "weight_decay", "foreach", "maximize",
                "differentiable", "capturable");
        assertThat(o.getDouble("lr")).isEqualTo(1e-2);
        assertThat(o.getDouble("lambd")).isEqualTo(1e-4);
        assertThat(o.getDouble("alpha")).isEqualTo(0.75);
        assertThat(o.getDouble("t0")).isEqualTo(1e6);
        assertThat(Optimizers.create("ASGD", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(ASGD.class);
    }

    @Test
    void firstStepUsesTheGroupsLearningRateAsEta() {
        Tensor p = Tensor.of(2.0).requiresGrad(true);
        ASGD opt = new ASGD(List.of(p), Options.of("lr", 0.1, "lambd", 0.5));
        p.square().sum().backward(); // g = 4
        opt.step();
        assertThat(opt.params().get(0).item()).isCloseTo(2 * (1 - 0.05) - 0.4, within(1e-15));
        assertThat(((Tensor) opt.state(0).get("ax")).item()).isEqualTo(opt.params().get(0).item());
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new ASGD(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new ASGD(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new ASGD(p, Options.of("t0", "soon"))).hasMessageContaining("option \"t0\" must be a number");
    }
}
