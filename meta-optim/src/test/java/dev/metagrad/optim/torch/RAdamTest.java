package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RAdamTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        RAdam opt = new RAdam(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "betas", "eps", "weight_decay", "maximize", "foreach", "capturable",
                "decoupled_weight_decay", "differentiable");
        assertThat(o.getDouble("lr")).isEqualTo(1e-3);
        assertThat(o.getDoubles("betas")).containsExactly(0.9, 0.999);
        assertThat(o.getBoolean("decoupled_weight_decay")).isFalse();
        assertThat(Optimizers.create("RAdam", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(RAdam.class);
    }

    @Test
    void decoupledWeightDecayCanBeSwitchedPerGroup() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0).requiresGrad(true);
        RAdam opt = new RAdam(List.of(GroupSpec.of(List.of(a)),
                new GroupSpec(List.of(b), Options.of("decoupled_weight_decay", false, "maximize", true))),
                Options.of("lr", 0.1, "weight_decay", 0.5, "decoupled_weight_decay", true));
        a.square().sum().add(b.square().sum()).backward(); // g = 2 for both
        opt.step();
        // a: p = 1 * (1 - 0.05) - 0.1 * 2; b: g = -2 + 0.5 * 1, p = 1 - 0.1 * (-1.5)
        assertThat(opt.params().get(0).item()).isCloseTo(0.75, within(1e-15));
        assertThat(opt.params().get(1).item()).isCloseTo(1.15, within(1e-15));
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new RAdam(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new RAdam(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new RAdam(p, Options.of("betas", List.of(0.9, 1.0))))
                .hasMessage("Invalid beta parameter at index 1: 1.0");
        assertThatThrownBy(() -> new RAdam(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new RAdam(p, Options.of("amsgrad", true))).hasMessageContaining("unknown option \"amsgrad\"");
    }
}
