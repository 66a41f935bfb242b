package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RMSpropTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        RMSprop opt = new RMSprop(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "momentum", "alpha", "eps", "centered", "weight_decay", "capturable",
                "foreach", "maximize", "differentiable");
        assertThat(o.getDouble("lr")).isEqualTo(1e-2);
        assertThat(o.getDouble("alpha")).isEqualTo(0.99);
        assertThat(o.getDouble("eps")).isEqualTo(1e-8);
        assertThat(Optimizers.create("RMSprop", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(RMSprop.class);
    }

    @Test
    void stateBuffersFollowEachGroupsOptions() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0).requiresGrad(true);
        RMSprop opt = new RMSprop(List.of(GroupSpec.of(List.of(a)), new GroupSpec(List.of(b), Options.of("centered", true))),
                Options.of("lr", 0.1, "momentum", 0.5, "alpha", 0.5, "eps", 0.0));
        a.square().sum().add(b.square().sum()).backward(); // g = 2 for both
        opt.step();
        assertThat(opt.state(0).keySet()).containsExactly("step", "square_avg", "momentum_buffer");
        assertThat(opt.state(1).keySet()).containsExactly("step", "square_avg", "momentum_buffer", "grad_avg");
        // a: avg = sqrt(2), buf = 2 / sqrt(2); b: avg = sqrt(2 - 1) = 1, buf = 2
        assertThat(opt.params().get(0).item()).isCloseTo(1 - 0.1 * Math.sqrt(2), within(1e-15));
        assertThat(opt.params().get(1).item()).isCloseTo(0.8, within(1e-15));
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new RMSprop(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new RMSprop(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new RMSprop(p, Options.of("momentum", -0.5))).hasMessage("Invalid momentum value: -0.5");
        assertThatThrownBy(() -> new RMSprop(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new RMSprop(p, Options.of("alpha", -0.5))).hasMessage("Invalid alpha value: -0.5");
        assertThatThrownBy(() -> new RMSprop(p, Options.of("centered", 1))).hasMessageContaining("option \"centered\" must be a boolean");
    }
}
