package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm1d;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AveragedModelTest {
    private static final Tensor X = Tensor.of(new double[] {0.5, -1, 2, 0.25, -0.75, 1.5, 1, 1}, 4, 2);

    private static Sequential net(long seed) {
        Generator g = new Generator(seed);
        return new Sequential(new Linear(2, 3, g), BatchNorm1d.builder(3).momentum(0.3).build(), new Linear(3, 1, g));
    }

    /** Moves every parameter of {@code model} to new random values and runs one training pass (new statistics). */
    private static Map<String, Tensor> perturb(Module model, Generator rng) {
        for (Map.Entry<String, Tensor> p : model.namedParameters().entrySet()) {
            model.setParameter(p.getKey(), Tensor.randn(rng, p.getValue().shape()).requiresGrad(true));
        }
        model.forward(X);
        return model.stateDict();
    }

    @Test
    void startsAsAnIndependentCopyOfTheModel() {
        Sequential model = net(1);
        model.forward(X); // non-trivial running statistics
        AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> net(99));
        assertThat(swa.module()).isNotSameAs(model);
        assertThat(swa.nAveraged()).isZero();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            assertThat(swa.module().stateDict().get(e.getKey()).toDoubleArray()).as(e.getKey())
                    .containsExactly(e.getValue().toDoubleArray());
        }
        // torch's order: the module's own buffer first, then the child's entries
        assertThat(swa.stateDict().keySet()).containsExactly("n_averaged", "module.0.weight", "module.0.bias", "module.1.weight",
                "module.1.bias", "module.1.running_mean", "module.1.running_var", "module.1.num_batches_tracked",
                "module.2.weight", "module.2.bias");
        assertThat(swa.parameter("module.0.weight").requiresGrad()).isTrue();
        assertThat(((BatchNorm1d) swa.module().get(1)).momentum()).isEqualTo(0.3);
        model.eval();
        swa.eval();
        assertThat(swa.forward(X).toDoubleArray()).containsExactly(model.forward(X).toDoubleArray());

        perturb(model, new Generator(5));
        assertThat(swa.module().parameter("0.weight").toDoubleArray())
                .isNotEqualTo(model.parameter("0.weight").toDoubleArray());
        assertThat(swa).hasToString("AveragedModel(\n  (module): " + model.toString().replace("\n", "\n  ") + "\n)");
    }

    @Test
    void parametersAreTheEqualAverageAndBuffersFollowTheModel() {
        Sequential model = net(1);
        AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> net(2));
        Generator rng = new Generator(3);
        List<Map<String, Tensor>> states = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            states.add(perturb(model, rng));
            swa.updateParameters(model);
        }
        assertThat(swa.nAveraged()).isEqualTo(4);
        for (String name : model.namedParameters().keySet()) {
            double[] mean = new double[model.parameter(name).numel()];
            for (Map<String, Tensor> s : states) {
                double[] v = s.get(name).toDoubleArray();
                for (int e = 0; e < mean.length; e++) {
                    mean[e] += v[e] / 4;
                }
            }
            assertThat(swa.module().parameter(name).toDoubleArray()).as(name).containsExactly(mean, within(1e-14));
            assertThat(swa.module().parameter(name).requiresGrad()).isTrue();
        }
        for (String name : model.namedBuffers().keySet()) {
            assertThat(swa.module().buffer(name).toDoubleArray()).as(name)
                    .containsExactly(model.buffer(name).toDoubleArray());
        }
    }

    @Test
    void withUseBuffersTheRunningStatisticsAreAveragedToo() {
        Sequential model = net(1);
        AveragedModel<Sequential> ema = AveragedModel.builder(model, () -> net(2))
                .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.5)).useBuffers(true).build();
        assertThat(ema.usesBuffers()).isTrue();
        Generator rng = new Generator(3);
        Map<String, Tensor> first = perturb(model, rng);
        ema.updateParameters(model);
        Map<String, Tensor> second = perturb(model, rng);
        ema.updateParameters(model);
        for (String name : List.of("0.weight", "1.running_mean", "1.running_var")) {
            double[] a = first.get(name).toDoubleArray();
            double[] b = second.get(name).toDoubleArray();
            double[] expected = new double[a.length];
            for (int e = 0; e < a.length; e++) {
                expected[e] = 0.5 * a[e] + 0.5 * b[e];
            }
            assertThat(ema.module().stateDict().get(name).toDoubleArray()).as(name).containsExactly(expected, within(1e-15));
        }
        // num_batches_tracked 1 and 2 averaged to 1.5, truncated into the int64 buffer
        assertThat(ema.module().buffer("1.num_batches_tracked").toLongArray()).containsExactly(1);
    }

    @Test
    void trainingFlagsAreCopiedPerModule() {
        Sequential model = net(1);
        model.get(1).eval();
        AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> net(2));
        assertThat(swa.module().isTraining()).isTrue();
        assertThat(swa.module().get(0).isTraining()).isTrue();
        assertThat(swa.module().get(1).isTraining()).isFalse();
        assertThat(swa.module().get(2).isTraining()).isTrue();
    }

    @Test
    void stateDictRoundTripRestoresTheCount() {
        Sequential model = net(1);
        AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> net(2));
        Generator rng = new Generator(4);
        for (int k = 0; k < 3; k++) {
            perturb(model, rng);
            swa.updateParameters(model);
        }
        AveragedModel<Sequential> resumed = new AveragedModel<>(net(7), () -> net(8));
        resumed.loadStateDict(swa.stateDict());
        assertThat(resumed.nAveraged()).isEqualTo(3);
        perturb(model, rng);
        swa.updateParameters(model);
        resumed.updateParameters(model);
        assertThat(resumed.module().parameter("2.weight").toDoubleArray())
                .containsExactly(swa.module().parameter("2.weight").toDoubleArray());
    }

    @Test
    void aModelThatDoesNotMatchIsRejectedAndChangesNothing() {
        Sequential model = net(1);
        AveragedModel<Sequential> swa = new AveragedModel<>(model, () -> net(2));
        swa.updateParameters(model);
        Map<String, Tensor> before = new LinkedHashMap<>(swa.stateDict());
        Generator g = new Generator(0);
        Sequential wider = new Sequential(new Linear(2, 4, g), new BatchNorm1d(4), new Linear(4, 1, g));
        assertThatThrownBy(() -> swa.updateParameters(wider)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AveragedModel: parameters '0.weight' has shape [4, 2] but its average has shape [3, 2]");
        Sequential noNorm = new Sequential(new Linear(2, 3, g), new Linear(3, 1, g));
        assertThatThrownBy(() -> swa.updateParameters(noNorm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the average has 6 parameters but 4 were given");
        for (Map.Entry<String, Tensor> e : before.entrySet()) {
            assertThat(swa.stateDict().get(e.getKey()).toDoubleArray()).containsExactly(e.getValue().toDoubleArray());
        }
    }

    @Test
    void theFactoryMustBuildANewModuleOfTheSameArchitecture() {
        Sequential model = net(1);
        assertThatThrownBy(() -> new AveragedModel<>(model, () -> model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it returned the model itself");
        assertThatThrownBy(() -> new AveragedModel<>(model, () -> new Sequential(model.get(0), new BatchNorm1d(3), new Linear(3, 1, new Generator(0)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("submodule '0' is shared with the model");
        assertThatThrownBy(() -> new AveragedModel<>(model, () -> new Sequential(new Linear(2, 3, new Generator(0)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AveragedModel: the architecture factory built a different model: submodules");
        Generator g = new Generator(0);
        assertThatThrownBy(() -> new AveragedModel<>(model, () -> new Sequential(new Linear(2, 3, g), new BatchNorm1d(3), new Linear(3, 2, g))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2.weight' is float64 [2, 3] instead of float64 [1, 3]");
        assertThatThrownBy(() -> new AveragedModel<>(model, () -> null)).hasMessageContaining("returned null");
        assertThatThrownBy(() -> new AveragedModel<>(model, null)).hasMessageContaining("factory is null");
    }

    @Test
    void onlyOneAveragingFunctionMayBeGiven() {
        assertThatThrownBy(() -> AveragedModel.builder(net(1), () -> net(2)).avgFn(AveragingFunctions.emaAvgFn(0.9))
                .multiAvgFn(AveragingFunctions.emaMultiAvgFn(0.9)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AveragedModel: only one of avgFn and multiAvgFn should be provided");
    }
}
