package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.io.Safetensors;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Sequential;
import dev.metagrad.nn.Tanh;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving and resuming: N steps in one go versus k steps, model and optimizer saved to disk, fresh objects loaded
 * from the files, N - k more steps. Parameters and optimizer state must agree bit for bit.
 */
class OptimizerResumeTest {
    private static final int N = 8;
    private static final int K = 3;
    private static final Tensor X = Tensor.randn(new Generator(5), 6, 3);
    private static final Tensor Y = Tensor.randn(new Generator(6), 6, 2);

    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", Options.of("lr", 0.05, "momentum", 0.9, "nesterov", true), Options.of("lr", 0.02)),
                Arguments.of("Adam", Options.of("lr", 0.01, "amsgrad", true, "weight_decay", 0.1), Options.of("betas", List.of(0.5, 0.9))),
                Arguments.of("AdamW", Options.of("lr", 0.01), Options.of("lr", 0.003, "amsgrad", true)));
    }

    private static Sequential model(long seed) {
        return new Sequential(new Linear(3, 4, new Generator(seed)), new Tanh(), new Linear(4, 2, new Generator(seed + 1)));
    }

    private static Optimizer optimizer(String name, Sequential model, Options options, Options secondGroup) {
        return Optimizers.create(name, List.of(GroupSpec.of(model.submodule("0")), GroupSpec.of(model.submodule("2"), secondGroup)), options);
    }

    private static void train(Sequential model, Optimizer opt, int steps) {
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            Tensor out = model.forward(X);
            out.sub(Y).square().mean().backward();
            opt.step();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumedRunMatchesTheUninterruptedOneBitForBit(String name, Options options, Options secondGroup) throws Exception {
        Sequential straight = model(1);
        Optimizer straightOpt = optimizer(name, straight, options, secondGroup);
        train(straight, straightOpt, N);

        Sequential first = model(1);
        Optimizer firstOpt = optimizer(name, first, options, secondGroup);
        train(first, firstOpt, K);
        Path weights = dir.resolve("model.safetensors");
        Path optState = dir.resolve("optimizer.safetensors");
        Safetensors.save(first.stateDict(), weights);
        firstOpt.save(optState);

        Sequential resumed = model(42); // different initial weights, replaced by the loaded ones
        resumed.loadStateDict(Safetensors.load(weights).tensors(), true);
        Optimizer resumedOpt = optimizer(name, resumed, options, secondGroup);
        resumedOpt.load(optState);
        train(resumed, resumedOpt, N - K);

        for (Map.Entry<String, Tensor> e : straight.namedParameters().entrySet()) {
            assertThat(bits(resumed.parameter(e.getKey()))).as(e.getKey()).isEqualTo(bits(e.getValue()));
        }
        OptimizerStateDict a = straightOpt.stateDict();
        OptimizerStateDict b = resumedOpt.stateDict();
        assertThat(b.state().keySet()).isEqualTo(a.state().keySet());
        for (Integer id : a.state().keySet()) {
            assertThat(b.state(id).keySet()).containsExactlyElementsOf(a.state(id).keySet());
            for (String k : a.state(id).keySet()) {
                assertThat(bits((Tensor) b.state(id).get(k))).as(id + "." + k).isEqualTo(bits((Tensor) a.state(id).get(k)));
            }
        }
        for (int g = 0; g < 2; g++) {
            assertThat(b.paramGroups().get(g)).isEqualTo(a.paramGroups().get(g));
        }
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
