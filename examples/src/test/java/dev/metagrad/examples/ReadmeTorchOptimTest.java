package dev.metagrad.examples;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.Mlp;
import dev.metagrad.nn.ReLU;
import dev.metagrad.nn.Sequential;
import dev.metagrad.nn.loss.MSELoss;
import dev.metagrad.optim.torch.Adam;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.SGD;
import dev.metagrad.optim.torch.config.OptimConfig;
import dev.metagrad.optim.torch.config.OptimConfigYaml;
import dev.metagrad.optim.torch.config.OptimRegistry;
import dev.metagrad.optim.torch.lr.CosineAnnealingLR;
import dev.metagrad.optim.torch.lr.LRScheduler;
import dev.metagrad.optim.torch.swa.AveragedModel;
import dev.metagrad.optim.torch.swa.AveragingFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's torch.optim section, run as written, so that the snippets keep compiling and working. */
class ReadmeTorchOptimTest {
    private static Sequential model() {
        return Mlp.builder().sizes(1, 16, 1).activation(ReLU::new).generator(new Generator(0)).build();
    }

    @Test
    void trainingLoopWithSchedulerAndSwaResumesFromDisk(@TempDir Path dir) throws Exception {
        Sequential model = model();
        Tensor xs = Tensor.linspace(-1, 1, 32).reshape(32, 1);
        Tensor ys = xs.mul(3.0).sin();
        // --- README snippet begins
        Optimizer opt = new Adam(List.of(
                GroupSpec.of(model.get(0)),                                        // defaults below
                GroupSpec.of(model.get(2), Options.of("lr", 1e-3, "weight_decay", 0.01))),
                Options.of("lr", 1e-2, "amsgrad", true));
        LRScheduler sched = new CosineAnnealingLR(opt, 100);
        AveragedModel<Sequential> ema = AveragedModel.builder(model, ReadmeTorchOptimTest::model)
                .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.99)).build();
        for (int epoch = 0; epoch < 100; epoch++) {
            opt.zeroGrad();
            new MSELoss().forward(model.forward(xs), ys).backward();
            opt.step();
            sched.step();
            ema.updateParameters(model);
        }
        opt.save(dir.resolve("adam.safetensors"));               // resume later with opt.load(path)
        // --- README snippet ends
        assertThat(opt.paramGroups().get(0).lr()).isLessThan(1e-6);
        assertThat(ema.nAveraged()).isEqualTo(100);
        Optimizer fresh = new Adam(List.of(GroupSpec.of(model.get(0)), GroupSpec.of(model.get(2),
                Options.of("lr", 1e-3, "weight_decay", 0.01))), Options.of("lr", 1e-2, "amsgrad", true));
        fresh.load(dir.resolve("adam.safetensors"));
        assertThat(fresh.stateDict().toMap()).hasSameSizeAs(opt.stateDict().toMap());
    }

    @Test
    void configDrivenOptimizer() {
        Sequential model = model();
        // --- README snippet begins
        OptimConfig cfg = OptimConfigYaml.parse("""
                optim:
                  optimizer: sgd
                  base_lr: 0.1
                  momentum: 0.9
                  scheduler: step
                  steps: [30, 60]
                  max_epoch: 90
                """, "cfg.yaml");
        OptimRegistry registry = OptimRegistry.builtIns();
        Optimizer opt = registry.createOptimizer(model, cfg.optimizer());
        LRScheduler sched = registry.createScheduler(opt, cfg.scheduler());
        // --- README snippet ends
        assertThat(opt).isInstanceOf(SGD.class);
        assertThat(sched.getLastLr()).containsExactly(0.1);
    }
}
