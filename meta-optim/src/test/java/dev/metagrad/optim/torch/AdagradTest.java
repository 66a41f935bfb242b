package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdagradTest {
    @Test
    void torchDefaultsInTorchKeyOrder() {
        Adagrad opt = new Adagrad(List.of(Tensor.of(1.0).requiresGrad(true)));
        Options o = opt.paramGroups().get(0).options();
        assertThat(o.keys()).containsExactly("lr", "lr_decay", "eps", "weight_decay", "initial_accumulator_value",
                "foreach", "maximize", "differentiable", "fused");
        assertThat(o.getDouble("lr")).isEqualTo(1e-2);
        assertThat(o.getDouble("eps")).isEqualTo(1e-10);
        assertThat(Optimizers.create("Adagrad", List.of(Tensor.of(1.0).requiresGrad(true)), Options.empty()))
                .isInstanceOf(Adagrad.class);
    }

    @Test
    void stateExistsFromConstructionWithTheConstructorsAccumulatorInEveryGroup() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(2.0, 3.0).requiresGrad(true);
        Adagrad opt = new Adagrad(List.of(GroupSpec.of(List.of(a)),
                new GroupSpec(List.of(b), Options.of("initial_accumulator_value", 5.0))),
                Options.of("initial_accumulator_value", 0.5));
        assertThat(((Tensor) opt.state(a).get("step")).item()).isZero();
        assertThat(((Tensor) opt.state(a).get("sum")).toDoubleArray()).containsExactly(0.5);
        assertThat(((Tensor) opt.state(b).get("sum")).toDoubleArray()).containsExactly(0.5, 0.5);
        assertThat(opt.paramGroups().get(1).getDouble("initial_accumulator_value")).isEqualTo(5.0);
        b.square().sum().backward(); // g = (4, 6)
        opt.step();
        double lr = 1e-2;
        assertThat(opt.params().get(1).toDoubleArray()).containsExactly(
                new double[] {2 - lr * 4 / (Math.sqrt(16.5) + 1e-10), 3 - lr * 6 / (Math.sqrt(36.5) + 1e-10)}, within(1e-15));
        assertThat(opt.params().get(0)).isSameAs(a); // no gradient, no step
        assertThat(((Tensor) opt.state(a).get("step")).item()).isZero();
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        List<Tensor> p = List.of(Tensor.of(1.0).requiresGrad(true));
        assertThatThrownBy(() -> new Adagrad(p, Options.of("lr", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new Adagrad(p, Options.of("lr_decay", -0.5))).hasMessage("Invalid lr_decay value: -0.5");
        assertThatThrownBy(() -> new Adagrad(p, Options.of("weight_decay", -0.5))).hasMessage("Invalid weight_decay value: -0.5");
        assertThatThrownBy(() -> new Adagrad(p, Options.of("initial_accumulator_value", -0.5)))
                .hasMessage("Invalid initial_accumulator_value value: -0.5");
        assertThatThrownBy(() -> new Adagrad(p, Options.of("eps", -0.5))).hasMessage("Invalid epsilon value: -0.5");
        assertThatThrownBy(() -> new Adagrad(p, Options.of("foreach", true, "fused", true)))
                .hasMessage("`fused` and `foreach` cannot be `True` together.");
    }
}
