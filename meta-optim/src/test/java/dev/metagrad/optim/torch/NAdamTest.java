package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NAdamTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        NAdam opt = new NAdam(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "betas", "eps", "weight_decay", "momentum_decay",
                "decoupled_weight_decay", "maximize", "foreach", "capturable", "differentiable");
        assertThat(o.getDouble("lr")).isEqualTo(2e-3);
        assertThat(o.getDouble("momentum_decay")).isEqualTo(4e-3);
        assertThat(Optimizers.create("NAdam", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(NAdam.class);
    }

    @Test
    void muProductIsKeptAcrossSteps() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        NAdam opt = new NAdam(List.of(p), Options.of("lr", 0.01));
        for (int i = 0; i < 3; i++) {
            opt.zeroGrad();
            opt.params().get(0).square().sum().backward();
            opt.step();
        }
        double expected = 1;
        for (int t = 1; t <= 3; t++) {
            expected *= 0.9 * (1 - 0.5 * Math.pow(0.96, t * 4e-3));
        }
        assertThat(((Tensor) opt.state(0).get("mu_product")).item()).isEqualTo(expected);
        assertThat(((Tensor) opt.state(0).get("step")).item()).isEqualTo(3.0);
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new NAdam(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new NAdam(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new NAdam(p, Options.of("betas", List.of(-0.5, 0.9))))
                .hasMessage("Invalid beta parameter at index 0: -0.5");
        assertThatThrownBy(() -> new NAdam(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new NAdam(p, Options.of("momentum_decay", -0.5))).hasMessage("Invalid momentum_decay value: -0.5");
    }
}
