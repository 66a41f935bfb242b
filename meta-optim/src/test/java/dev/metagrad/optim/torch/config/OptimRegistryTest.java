package dev.metagrad.optim.torch.config;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Linear;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import dev.metagrad.optim.torch.lr.CosineAnnealingLR;
import dev.metagrad.optim.torch.lr.ExponentialLR;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.lr.MultiStepLR;
import dev.metagrad.optim.torch.lr.ReduceLROnPlateau;
import dev.metagrad.optim.torch.lr.StepLR;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OptimRegistryTest {
    private static final OptimizerConfig SGD_CONFIG = new OptimizerConfig("sgd", 0.1, 0.25, 0.5);

    @Test
    void builtInsAreGraphGyms() {
        assertThat(OptimRegistry.builtIns().optimizerNames()).containsExactly("adam", "sgd");
        assertThat(OptimRegistry.builtIns().schedulerNames()).containsExactly("none", "step", "cos");
        assertThat(OptimRegistry.empty().optimizerNames()).isEmpty();
        assertThat(OptimRegistry.empty().schedulerNames()).isEmpty();
        assertThat(OptimRegistry.builtIns()).hasToString("OptimRegistry(optimizers=[adam, sgd], schedulers=[none, step, cos])");
    }

    private static Optimizer sgd(double lr) {
        return new SGD(List.of(Tensor.of(1.0).requiresGrad(true)), Options.of("lr", lr));
    }

    /** The lr after construction and after each of {@code steps} epochs. */
    private static List<Double> lrs(Optimizer opt, LRScheduler scheduler, int steps) {
        List<Double> out = new ArrayList<>();
        out.add(opt.paramGroups().get(0).lr());
        for (int k = 0; k < steps; k++) {
            opt.step();
            scheduler.step();
            out.add(opt.paramGroups().get(0).lr());
        }
        return out;
    }

    @Test
    void noneKeepsTheLrForTheWholeRun() {
        Optimizer opt = sgd(0.5);
        LRScheduler s = OptimRegistry.builtIns().createScheduler(opt, SchedulerConfig.defaults().withScheduler(null).withMaxEpoch(4));
        assertThat(s).isInstanceOf(StepLR.class);
        // StepLR(step_size = 5): the first decay would come at epoch 5, after the run
        assertThat(lrs(opt, s, 4)).containsExactly(0.5, 0.5, 0.5, 0.5, 0.5);
        opt.step();
        s.step();
        assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.05, within(1e-17));
    }

    @Test
    void stepDecaysAtTheMilestones() {
        Optimizer opt = sgd(1.0);
        LRScheduler s = OptimRegistry.builtIns().createScheduler(opt,
                new SchedulerConfig("step", List.of(2, 4), 0.5, 100));
        assertThat(s).isInstanceOf(MultiStepLR.class);
        assertThat(lrs(opt, s, 5)).containsExactly(1.0, 1.0, 0.5, 0.5, 0.25, 0.25);
    }

    @Test
    void cosAnnealsToZeroAtMaxEpoch() {
        Optimizer opt = sgd(1.0);
        LRScheduler s = OptimRegistry.builtIns().createScheduler(opt, new SchedulerConfig("cos", List.of(), 0.1, 4));
        assertThat(s).isInstanceOf(CosineAnnealingLR.class);
        List<Double> lrs = lrs(opt, s, 4);
        // (1 + cos(pi e / 4)) / 2 for e = 0..4
        double[] expected = {1, (1 + Math.sqrt(0.5)) / 2, 0.5, (1 - Math.sqrt(0.5)) / 2, 0};
        for (int e = 0; e <= 4; e++) {
            assertThat(lrs.get(e)).as("epoch " + e).isCloseTo(expected[e], within(1e-15));
        }
    }

    @Test
    void anUnknownSchedulerListsTheValidOnes() {
        assertThatThrownBy(() -> OptimRegistry.builtIns().createScheduler(sgd(0.1), SchedulerConfig.defaults().withScheduler("cosine")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createScheduler: scheduler 'cosine' is not supported; valid schedulers: [none, step, cos] "
                        + "(register others with withScheduler or withPlateauScheduler)");
        assertThatThrownBy(() -> WITH_PLATEAU.createPlateauScheduler(sgd(0.1), SchedulerConfig.defaults().withScheduler("plato")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createPlateauScheduler: scheduler 'plato' is not supported; valid schedulers: "
                        + "[none, step, cos, plateau] (register others with withScheduler or withPlateauScheduler)");
        assertThatThrownBy(() -> WITH_PLATEAU.createScheduler(sgd(0.1), SchedulerConfig.defaults().withScheduler("plato")))
                .hasMessageContaining("valid schedulers: [none, step, cos, plateau]");
    }

    /** GraphGym's built-ins plus ReduceLROnPlateau with {@code factor = lrDecay} and no patience. */
    private static final OptimRegistry WITH_PLATEAU = OptimRegistry.builtIns().withPlateauScheduler("plateau",
            (optimizer, c) -> ReduceLROnPlateau.builder(optimizer).factor(c.lrDecay()).patience(0).build());

    @Test
    void aPlateauSchedulerIsRegisteredAndBuiltFromTheConfig() {
        assertThat(WITH_PLATEAU.schedulerNames()).containsExactly("none", "step", "cos", "plateau");
        assertThat(WITH_PLATEAU.plateauSchedulerNames()).containsExactly("plateau");
        assertThat(OptimRegistry.builtIns().plateauSchedulerNames()).isEmpty();
        Optimizer opt = sgd(1.0);
        ReduceLROnPlateau s = WITH_PLATEAU.createPlateauScheduler(opt, SchedulerConfig.defaults().withScheduler("plateau").withLrDecay(0.5));
        assertThat(s.optimizer()).isSameAs(opt);
        assertThat(s.stateDict()).containsEntry("factor", 0.5).containsEntry("patience", 0L);
        // no initial step; 3.0 is the first best, 4.0 is one bad epoch > patience 0: lr·0.5; 2.0 improves
        assertThat(s.getLastLr()).containsExactly(1.0);
        s.step(3.0);
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(1.0);
        s.step(4.0);
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.5);
        s.step(2.0);
        assertThat(s.getLastLr()).containsExactly(0.5);
        assertThat(s.lastEpoch()).isEqualTo(3);
    }

    @Test
    void theTwoKindsShareOneNamespaceAndAreNotMixedUp() {
        assertThatThrownBy(() -> WITH_PLATEAU.createScheduler(sgd(0.1), SchedulerConfig.defaults().withScheduler("plateau")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createScheduler: scheduler 'plateau' is a ReduceLROnPlateau, which steps on a metric rather "
                        + "than once per epoch; build it with createPlateauScheduler");
        assertThatThrownBy(() -> WITH_PLATEAU.createPlateauScheduler(sgd(0.1), SchedulerConfig.defaults().withScheduler("cos")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createPlateauScheduler: scheduler 'cos' is an LRScheduler, stepped once per epoch without a "
                        + "metric; build it with createScheduler");
        assertThatThrownBy(() -> WITH_PLATEAU.withPlateauScheduler("cos", (o, c) -> null))
                .hasMessage("withPlateauScheduler: a scheduler named 'cos' is already registered");
        assertThatThrownBy(() -> WITH_PLATEAU.withScheduler("plateau", (o, c) -> null))
                .hasMessage("withScheduler: a scheduler named 'plateau' is already registered");
        assertThatThrownBy(() -> WITH_PLATEAU.withPlateauScheduler(" ", (o, c) -> null))
                .hasMessageContaining("withPlateauScheduler: name must be non-blank");
        assertThatThrownBy(() -> WITH_PLATEAU.withPlateauScheduler("p2", null)).isInstanceOf(NullPointerException.class);
        OptimRegistry without = WITH_PLATEAU.withoutScheduler("plateau");
        assertThat(without.schedulerNames()).containsExactly("none", "step", "cos");
        assertThat(without.plateauSchedulerNames()).isEmpty();
        assertThat(WITH_PLATEAU.plateauSchedulerNames()).containsExactly("plateau");
        assertThat(WITH_PLATEAU).hasToString("OptimRegistry(optimizers=[adam, sgd], schedulers=[none, step, cos, plateau])");
    }

    @Test
    void usersAddTheirOwnSchedulers() {
        OptimRegistry mine = OptimRegistry.builtIns().withScheduler("exp", (optimizer, c) -> new ExponentialLR(optimizer, c.lrDecay()));
        assertThat(mine.schedulerNames()).containsExactly("none", "step", "cos", "exp");
        assertThat(OptimRegistry.builtIns().schedulerNames()).doesNotContain("exp");
        Optimizer opt = sgd(1.0);
        LRScheduler s = mine.createScheduler(opt, SchedulerConfig.defaults().withScheduler("exp").withLrDecay(0.5));
        assertThat(lrs(opt, s, 2)).containsExactly(1.0, 0.5, 0.25);
        assertThatThrownBy(() -> mine.withScheduler("cos", (o, c) -> null)).hasMessageContaining("a scheduler named 'cos' is already registered");
        assertThat(mine.withoutScheduler("cos").schedulerNames()).containsExactly("none", "step", "exp");
        assertThatThrownBy(() -> mine.withoutScheduler("nope")).hasMessageContaining("scheduler 'nope' is not supported");
    }

    @Test
    void aYamlFileConfiguresBoth() {
        OptimConfig cfg = OptimConfigYaml.parse("optim:\n  optimizer: sgd\n  base_lr: 0.2\n  scheduler: step\n  steps: [1]\n"
                + "  lr_decay: 0.1\n", "train.yaml");
        Optimizer opt = OptimRegistry.builtIns().createOptimizer(List.of(Tensor.of(1.0).requiresGrad(true)), cfg.optimizer());
        LRScheduler s = OptimRegistry.builtIns().createScheduler(opt, cfg.scheduler());
        assertThat(opt.paramGroups().get(0).getDouble("momentum")).isEqualTo(0.9);
        List<Double> lrs = lrs(opt, s, 2);
        assertThat(lrs.get(0)).isEqualTo(0.2);
        assertThat(lrs.get(1)).isCloseTo(0.02, within(1e-17));
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
