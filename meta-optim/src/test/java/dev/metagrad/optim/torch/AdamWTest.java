package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdamWTest {
    @Test
    void isAdamWithDecoupledDecayAndAHundredthAsDefaultWeightDecay() {
        Tensor a = Tensor.of(1.0, -2.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0, -2.0).requiresGrad(true);
        AdamW adamW = new AdamW(List.of(a), Options.of("lr", 0.1));
        Adam adam = new Adam(List.of(b), Options.of("lr", 0.1, "weight_decay", 1e-2, "decoupled_weight_decay", true));
        for (int i = 0; i < 3; i++) {
            for (Optimizer o : List.of(adamW, adam)) {
                o.zeroGrad();
                o.params().get(0).pow(4).sum().backward();
                o.step();
            }
        }
        assertThat(adamW.paramGroups().get(0).get("weight_decay")).isEqualTo(1e-2);
        assertThat(adamW.paramGroups().get(0).get("decoupled_weight_decay")).isEqualTo(true);
        assertThat(adamW.params().get(0).toDoubleArray()).containsExactly(adam.params().get(0).toDoubleArray());
    }

    @Test
    void aGroupCannotSwitchToCoupledDecay() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        assertThatThrownBy(() -> new AdamW(List.of(GroupSpec.of(List.of(a), Options.of("decoupled_weight_decay", false))), Options.empty()))
                .hasMessageContaining("AdamW always decouples weight decay");
    }
}
