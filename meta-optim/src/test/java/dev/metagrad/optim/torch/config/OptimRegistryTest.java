package dev.metagrad.optim.torch.config;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimRegistryTest {
    private static final OptimizerConfig SGD_CONFIG = new OptimizerConfig("sgd", 0.1, 0.25, 0.5);

    @Test
    void builtInsAreGraphGyms() {
        assertThat(OptimRegistry.builtIns().optimizerNames()).containsExactly("adam", "sgd");
        assertThat(OptimRegistry.empty().optimizerNames()).isEmpty();
    }

    @Test
    void sgdGetsLrMomentumAndWeightDecayAndSteps() {
        Tensor p = Tensor.of(2.0).requiresGrad(true);
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(List.of(p), SGD_CONFIG);
        assertThat(opt).isInstanceOf(SGD.class);
        Options group = opt.paramGroups().get(0).options();
        assertThat(group.getDouble("lr")).isEqualTo(0.1);
        assertThat(group.getDouble("momentum")).isEqualTo(0.5);
        assertThat(group.getDouble("weight_decay")).isEqualTo(0.25);
        p.square().sum().backward();
        opt.step();
        // g = 2p + wd p = 4.5; first momentum buffer = g
        assertThat(opt.params().get(0).item()).isEqualTo(2.0 - 0.1 * 4.5);
    }

    @Test
    void adamGetsLrAndWeightDecay() {
        Tensor p = Tensor.of(1.0, 2.0).requiresGrad(true);
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(List.of(p), OptimizerConfig.defaults());
        assertThat(opt.getClass().getSimpleName()).isEqualTo("Adam");
        Options group = opt.paramGroups().get(0).options();
        assertThat(group.getDouble("lr")).isEqualTo(0.01);
        assertThat(group.getDouble("weight_decay")).isEqualTo(5e-4);
        assertThat(group.getDoubles("betas")).containsExactly(0.9, 0.999);
    }

    @Test
    void onlyParametersThatRequireGradAreOptimized() {
        Tensor trainable = Tensor.of(1.0).requiresGrad(true);
        Tensor frozen = Tensor.of(2.0);
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(List.of(frozen, trainable), SGD_CONFIG);
        assertThat(opt.params()).containsExactly(trainable);
        assertThatThrownBy(() -> OptimRegistry.builtIns().createOptimizer(List.of(frozen), SGD_CONFIG))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModuleIsUpdatedThroughItsParameters() {
        Linear lin = new Linear(2, 1, new Generator(0));
        Tensor w0 = lin.parameter("weight");
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(lin, SGD_CONFIG.withWeightDecay(0));
        lin.forward(Tensor.of(new double[] {1, 2}, 1, 2)).sum().backward();
        opt.step();
        double[] w = w0.toDoubleArray();
        assertThat(lin.parameter("weight").toDoubleArray()).containsExactly(w[0] - 0.1 * 1, w[1] - 0.1 * 2);
    }

    @Test
    void explicitGroupsKeepTheirOverrides() {
        Tensor a = Tensor.of(1.0).requiresGrad(true);
        Tensor b = Tensor.of(1.0).requiresGrad(true);
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(
                List.of(GroupSpec.of(List.of(a)), GroupSpec.of(List.of(b), Options.of("lr", 0.5))), SGD_CONFIG);
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.1);
        assertThat(opt.paramGroups().get(1).lr()).isEqualTo(0.5);
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> OptimRegistry.builtIns().createOptimizer(List.of(Tensor.of(1.0).requiresGrad(true)),
                OptimizerConfig.defaults().withOptimizer("Adam")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createOptimizer: optimizer 'Adam' is not supported; valid optimizers: [adam, sgd] "
                        + "(register others with withOptimizer)");
    }

    @Test
    void usersAddTheirOwnFactoriesWithoutChangingTheBuiltIns() {
        OptimRegistry mine = OptimRegistry.builtIns().withOptimizer("plain_sgd",
                (groups, c) -> new SGD(groups, Options.of("lr", c.baseLr())));
        assertThat(mine.optimizerNames()).containsExactly("adam", "sgd", "plain_sgd");
        assertThat(OptimRegistry.builtIns().optimizerNames()).containsExactly("adam", "sgd");
        Optimizer opt = mine.createOptimizer(List.of(Tensor.of(1.0).requiresGrad(true)), SGD_CONFIG.withOptimizer("plain_sgd"));
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isZero();

        assertThatThrownBy(() -> mine.withOptimizer("sgd", (groups, c) -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an optimizer named 'sgd' is already registered");
        OptimRegistry replaced = mine.withoutOptimizer("sgd").withOptimizer("sgd", (groups, c) -> new SGD(groups, Options.of("lr", 1.0)));
        assertThat(replaced.createOptimizer(List.of(Tensor.of(1.0).requiresGrad(true)), SGD_CONFIG).paramGroups().get(0).lr())
                .isEqualTo(1.0);
        assertThatThrownBy(() -> mine.withoutOptimizer("nope")).hasMessageContaining("optimizer 'nope' is not supported");
        assertThatThrownBy(() -> mine.withOptimizer(" ", (groups, c) -> null)).hasMessageContaining("name must be non-blank");
    }
}
