package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdadeltaTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        Adadelta opt = new Adadelta(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "rho", "eps", "weight_decay", "maximize", "capturable", "foreach",
                "differentiable");
        assertThat(o.getDouble("lr")).isEqualTo(1.0);
        assertThat(o.getDouble("rho")).isEqualTo(0.9);
        assertThat(o.getDouble("eps")).isEqualTo(1e-6);
        assertThat(Optimizers.create("Adadelta", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(Adadelta.class);
    }

    @Test
    void stepUsesTheGradientOfTheLoss() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        Adadelta opt = new Adadelta(List.of(p), Options.of("rho", 0.5, "eps", 0.25));
        p.square().sum().backward(); // g = 2: delta = 2/3 as in AdadeltaAlgorithmTest, lr = 1
        opt.step();
        assertThat(opt.params().get(0).item()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new Adadelta(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("rho", 1.5))).hasMessage("Invalid rho value: 1.5");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("rho", -0.5))).hasMessage("Invalid rho value: -0.5");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("rho", 2))).hasMessage("Invalid rho value: 2");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("rho", -1e-7))).hasMessage("Invalid rho value: -1e-07");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new Adadelta(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
    }
}
