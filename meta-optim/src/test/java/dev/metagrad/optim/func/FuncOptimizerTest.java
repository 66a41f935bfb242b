package dev.metagrad.optim.func;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FuncOptimizerTest {
    private static Tensor loss(Tensor a, Tensor b) {
        return a.square().sum().add(a.mul(b).sum()).add(b.square().square().sum());
    }

    @Test
    void stepIsSgdOnATreeAndDifferentiable() {
        Tensor a0 = Tensor.of(1.0, -2.0).requiresGrad(true);
        Tensor b0 = Tensor.of(0.5).requiresGrad(true);
        FuncOptimizer opt = new FuncOptimizer(Alias.sgd(0.1));
        assertThat(opt.stateDict()).isNull();
        Map<String, Tensor> next = opt.step(loss(a0, b0), Map.of("a", a0, "b", b0));
        assertThat(opt.stateDict()).isNotNull();
        // ∂/∂a = 2a + b, so a1 = a0 − 0.1·(2a0 + b0)
        assertThat(next.get("a").toDoubleArray()).containsExactly(1.0 - 0.1 * 2.5, -2.0 - 0.1 * (-3.5));
        assertThat(next.get("a").isLeaf()).isFalse();
        // the returned parameters depend on a0 through the gradient too: d a1 / d a0 = 1 − 0.2
        Tensor d = Autograd.gradOf(next.get("a").sum()).inputs(a0).compute()[0];
        assertThat(d.toDoubleArray()).containsExactly(0.8, 0.8);
    }

    @Test
    void stateIsKeptAcrossStepsAndCanBeReloaded() {
        GradientTransformation adam = Alias.adam(AdamOptions.defaults().lr(0.1));
        FuncOptimizer opt = new FuncOptimizer(adam, true);
        List<Tensor> p = List.of(Tensor.of(1.0, 2.0).requiresGrad(true));
        p = opt.step(p.get(0).square().sum(), p);
        OptState afterOne = opt.stateDict();
        List<Tensor> p2 = opt.step(p.get(0).square().sum(), p);
        opt.loadStateDict(afterOne);
        List<Tensor> again = opt.step(p.get(0).square().sum(), p);
        assertThat(again.get(0).toDoubleArray()).containsExactly(p2.get(0).toDoubleArray());
        assertThatThrownBy(() -> opt.loadStateDict(Alias.sgd(0.1).init(List.of(Tensor.of(1.0, 2.0)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLeavesWithoutGradAndLeavesStateAlone() {
        FuncOptimizer opt = new FuncOptimizer(Alias.sgd(0.1));
        Tensor p = Tensor.of(1.0);
        assertThatThrownBy(() -> opt.step(p.square().sum(), List.of(p))).isInstanceOf(IllegalStateException.class);
        assertThat(opt.stateDict()).isNull();
    }
}
