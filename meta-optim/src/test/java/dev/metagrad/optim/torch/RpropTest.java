package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpropTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        Rprop opt = new Rprop(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "etas", "step_sizes", "foreach", "maximize", "differentiable",
                "capturable");
        assertThat(o.getDouble("lr")).isEqualTo(1e-2);
        assertThat(o.getDoubles("etas")).containsExactly(0.5, 1.2);
        assertThat(o.getDoubles("step_sizes")).containsExactly(1e-6, 50.0);
        assertThat(Optimizers.create("Rprop", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(Rprop.class);
    }

    @Test
    void theInitialStepSizeIsTheGroupsLearningRate() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0).requiresGrad(true);
        Rprop opt = new Rprop(List.of(GroupSpec.of(List.of(a)), new GroupSpec(List.of(b), Options.of("lr", 0.3))),
                Options.of("lr", 0.1));
        a.square().sum().add(b.square().sum()).backward();
        opt.step();
        assertThat(opt.params().get(0).item()).isEqualTo(0.9);
        assertThat(opt.params().get(1).item()).isEqualTo(0.7);
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new Rprop(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new Rprop(p, Options.of("etas", List.of(1.5, 1.2)))).hasMessage("Invalid eta values: 1.5, 1.2");
        assertThatThrownBy(() -> new Rprop(p, Options.of("etas", List.of(0.5, 0.9)))).hasMessage("Invalid eta values: 0.5, 0.9");
        assertThatThrownBy(() -> new Rprop(p, Options.of("etas", List.of(0.0, 1e16)))).hasMessage("Invalid eta values: 0.0, 1e+16");
        assertThatThrownBy(() -> new Rprop(p, Options.of("etas", List.of(0.5)))).hasMessageContaining("\"etas\" must hold 2 numbers");
        assertThatThrownBy(() -> new Rprop(p, Options.of("step_sizes", List.of(1e-6, 1.0, 2.0))))
                .hasMessageContaining("\"step_sizes\" must hold 2 numbers");
    }
}
