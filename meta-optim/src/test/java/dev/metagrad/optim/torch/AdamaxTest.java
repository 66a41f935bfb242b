package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamaxTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        Adamax opt = new Adamax(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "betas", "eps", "weight_decay", "foreach", "maximize",
                "differentiable", "capturable");
        assertThat(o.getDouble("lr")).isEqualTo(2e-3);
        assertThat(o.getDoubles("betas")).containsExactly(0.9, 0.999);
        assertThat(o.getDouble("eps")).isEqualTo(1e-8);
        assertThat(Optimizers.create("Adamax", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(Adamax.class);
    }

    @Test
    void stepUsesTheGradientOfTheLoss() {
        Tensor p = Tensor.of(3.0).requiresGrad(true);
        Adamax opt = new Adamax(List.of(p), Options.of("lr", 0.1));
        p.square().sum().backward(); // g = 6
        opt.step();
        // m = 0.6, u = 6 + 1e-8, p = 3 - (0.1 / 0.1) * 0.6 / u
        assertThat(opt.params().get(0).item()).isCloseTo(3 - 0.6 / (6 + 1e-8), within(1e-15));
        assertThat(opt.state(0).keySet()).containsExactly("step", "exp_avg", "exp_inf");
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new Adamax(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new Adamax(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new Adamax(p, Options.of("betas", List.of(1.0, 0.9))))
                .hasMessage("Invalid beta parameter at index 0: 1.0");
        assertThatThrownBy(() -> new Adamax(p, Options.of("betas", List.of(0.9, -0.5))))
                .hasMessage("Invalid beta parameter at index 1: -0.5");
        assertThatThrownBy(() -> new Adamax(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new Adamax(p, Options.of("amsgrad", true))).hasMessageContaining("unknown option \"amsgrad\"");
    }
}
