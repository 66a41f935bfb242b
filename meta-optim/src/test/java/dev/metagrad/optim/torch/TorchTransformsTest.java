package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TorchTransformsTest {
    private static Tensor loss(Tensor p) {
        return p.pow(4).sum().add(p.sum());
    }

    @Test
    void matchesTheClassicOptimizerStepForStep() {
        Options options = Options.of("lr", 0.05, "amsgrad", true, "weight_decay", 0.1);
        Tensor start = Tensor.of(0.3, -1.2, 2.0);
        Adam classic = new Adam(List.of(start.detach().requiresGrad(true)), options);
        GradientTransformation t = TorchTransforms.of("Adam", options);
        List<Tensor> params = List.of(start);
        OptState state = t.init(params);
        for (int i = 0; i < 4; i++) {
            classic.zeroGrad();
            loss(classic.params().get(0)).backward();
            classic.step();
            Tensor p = params.get(0).detach().requiresGrad(true);
            loss(p).backward();
            GradientTransformation.Update u = t.update(List.of(p.grad()), state, List.of(params.get(0)));
            state = u.state();
            params = Updates.applyUpdates(params, u.updates());
            assertThat(params.get(0).toDoubleArray()).containsExactly(classic.params().get(0).toDoubleArray(),
                    org.assertj.core.data.Offset.offset(1e-15));
        }
        Map<String, Object> s = ((TorchTransforms.TorchState) state).perParam().get(0);
        assertThat(s.keySet()).containsExactlyElementsOf(classic.state(0).keySet());
        assertThat(((Tensor) s.get("step")).item()).isEqualTo(4.0);
    }

    @Test
    void treesOfParametersKeepTheirStructure() {
        GradientTransformation t = TorchTransforms.of(new SgdAlgorithm(), Options.of("lr", 0.5));
        Map<String, Tensor> params = Map.of("w", Tensor.of(1.0, 2.0));
        OptState s = t.init(params);
        GradientTransformation.Update u = t.update(Map.of("w", Tensor.of(2.0, 2.0)), s, params);
        @SuppressWarnings("unchecked")
        Map<String, Tensor> updates = (Map<String, Tensor>) u.updates();
        assertThat(updates.get("w").toDoubleArray()).containsExactly(-1.0, -1.0);
        assertThat(((TorchTransforms.TorchState) u.state()).perParam()).containsExactly(Map.of());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> TorchTransforms.of("SGD", Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> TorchTransforms.of("SGD", Options.of("betas", List.of(0.9, 0.9)))).hasMessageContaining("unknown option \"betas\"");
        assertThatThrownBy(() -> TorchTransforms.of("Nope", Options.empty())).hasMessageStartingWith("unknown algorithm Nope");
        GradientTransformation t = TorchTransforms.of("Adam", Options.empty());
        List<Tensor> params = List.of(Tensor.of(1.0));
        OptState s = t.init(params);
        assertThatThrownBy(() -> t.update(params, s, null)).hasMessageContaining("needs the parameters");
        assertThatThrownBy(() -> t.update(List.of(Tensor.of(1.0), Tensor.of(2.0)), s, List.of(Tensor.of(1.0), Tensor.of(2.0))))
                .hasMessageContaining("the state holds 1 parameter(s), params have 2");
        assertThatThrownBy(() -> t.update(Map.of("a", Tensor.of(1.0)), s, params)).hasMessageContaining("updates have structure");
    }
}
