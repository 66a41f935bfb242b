package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SGDTest {
    private static Tensor loss(Tensor p) {
        return p.square().sum(); // gradient 2p
    }

    private static void backward(Optimizer opt) {
        opt.zeroGrad();
        loss(opt.params().get(0)).backward();
    }

    @Test
    void plainStepIsPMinusLrTimesGradAndKeepsNoState() {
        Tensor p = Tensor.of(1.0, -2.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1));
        backward(opt);
        opt.step();
        Tensor p1 = opt.params().get(0);
        assertThat(p1.toDoubleArray()).containsExactly(1.0 - 0.1 * 2.0, -2.0 - 0.1 * -4.0);
        assertThat(p1.isLeaf()).isTrue();
        assertThat(p1.requiresGrad()).isTrue();
        assertThat(p1.grad().toDoubleArray()).containsExactly(2.0, -4.0);
        assertThat(p.toDoubleArray()).containsExactly(1.0, -2.0);
        assertThat(opt.state(p1)).isEmpty();
    }

    @Test
    void momentumBufferStartsAsTheGradientWithoutDampening() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1, "momentum", 0.9, "dampening", 0.5));
        backward(opt);
        opt.step(); // g = 2, buf = 2, p = 1 - 0.2 = 0.8
        assertThat(opt.params().get(0).item()).isEqualTo(1.0 - 0.1 * 2.0);
        backward(opt);
        opt.step(); // g = 1.6, buf = 0.9*2 + 0.5*1.6 = 2.6, p = 0.8 - 0.26
        double buf = 0.9 * 2.0 + (1 - 0.5) * 1.6;
        assertThat(opt.params().get(0).item()).isEqualTo(0.8 - 0.1 * buf);
        assertThat(((Tensor) opt.state(0).get("momentum_buffer")).item()).isEqualTo(buf);
    }

    @Test
    void nesterovMaximizeAndWeightDecay() {
        Tensor p = Tensor.of(2.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p), Options.of("lr", 0.1, "momentum", 0.5, "nesterov", true, "maximize", true,
                "weight_decay", 0.25));
        backward(opt);
        opt.step();
        double g = -4.0 + 0.25 * 2.0; // maximize first, then L2
        double buf = g;
        assertThat(opt.params().get(0).item()).isEqualTo(2.0 - 0.1 * (g + 0.5 * buf));
    }

    @Test
    void defaultLearningRateIsOneThousandth() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        SGD opt = new SGD(List.of(p));
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(1e-3);
        assertThat(opt.paramGroups().get(0).options().keys()).containsExactly("lr", "momentum", "dampening",
                "weight_decay", "nesterov", "maximize", "foreach", "differentiable", "fused");
    }

    @Test
    void updatesAModuleThroughItsParameterSlots() {
        Linear lin = new Linear(2, 1, new Generator(0));
        Tensor w0 = lin.parameter("weight");
        SGD opt = new SGD(lin, Options.of("lr", 0.5));
        lin.forward(Tensor.of(new double[] {1, 2}, 1, 2)).sum().backward();
        opt.step();
        double[] expected = w0.toDoubleArray();
        expected[0] -= 0.5 * 1;
        expected[1] -= 0.5 * 2;
        assertThat(lin.parameter("weight").toDoubleArray()).containsExactly(expected);
        assertThat(opt.params().get(0)).isSameAs(lin.parameter("weight"));
    }

    @Test
    void invalidOptionsAreRejectedWithTorchsMessages() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("lr", -1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("momentum", -0.5)))
                .hasMessage("Invalid momentum value: -0.5");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("weight_decay", -0.1)))
                .hasMessage("Invalid weight_decay value: -0.1");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("dampening", Double.NaN)))
                .hasMessage("Invalid dampening value: nan");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("nesterov", true)))
                .hasMessage("Nesterov momentum requires a momentum and zero dampening");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("momentum", 0.9, "nesterov", true, "dampening", 0.1)))
                .hasMessage("Nesterov momentum requires a momentum and zero dampening");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("betas", List.of(0.9, 0.99))))
                .hasMessageContaining("unknown option \"betas\"").hasMessageContaining("[lr, momentum, dampening");
        assertThatThrownBy(() -> new SGD(List.of(p), Options.of("nesterov", "yes")))
                .hasMessageContaining("option \"nesterov\" must be a boolean");
    }
}
