package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdamTest {
    @Test
    void firstStepMovesEveryCoordinateByAboutLr() {
        Tensor p = Tensor.of(1.0, -2.0).requiresGrad(true);
        Adam opt = new Adam(List.of(p), Options.of("lr", 0.1));
        p.square().sum().backward();
        opt.step();
        // m_hat / sqrt(v_hat) = sign(g) on the first step
        assertThat(opt.params().get(0).toDoubleArray()).containsExactly(new double[] {0.9, -1.9}, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(((Tensor) opt.state(0).get("step")).item()).isEqualTo(1.0);
        assertThat(opt.paramGroups().get(0).options().get("decoupled_weight_decay")).isEqualTo(false);
    }

    @Test
    void constructorsAgree() {
        Linear lin = new Linear(2, 1, new Generator(3));
        Adam byModule = new Adam(lin, Options.of("amsgrad", true));
        assertThat(byModule.paramCount()).isEqualTo(2);
        assertThat(byModule.paramGroups().get(0).get("amsgrad")).isEqualTo(true);
        Adam byDefaults = new Adam(List.of(Tensor.of(1.0).requiresGrad(true)));
        assertThat(byDefaults.paramGroups().get(0).lr()).isEqualTo(1e-3);
        assertThatThrownBy(() -> new Adam(List.of(Tensor.of(1.0).requiresGrad(true)), Options.of("momentum", 0.9)))
                .hasMessageContaining("Adam: unknown option \"momentum\"");
        assertThatThrownBy(() -> new Adam(List.of(Tensor.of(1.0).requiresGrad(true)), Options.of("differentiable", true)))
                .hasMessageContaining("differentiable=true is not supported by the classic optimizer");
    }
}
