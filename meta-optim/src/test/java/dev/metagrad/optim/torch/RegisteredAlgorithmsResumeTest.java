package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adamax, Adagrad, Adadelta, RMSprop, RAdam, NAdam, ASGD and Rprop through {@link Optimizers#create}: a run saved to
 * disk and resumed in a new optimizer continues bit for bit, and a state dict that lacks one of the algorithm's
 * state entries is rejected before anything is loaded.
 */
class RegisteredAlgorithmsResumeTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("Adamax", Options.of("lr", 0.05, "weight_decay", 0.1), "exp_inf"),
                Arguments.of("Adagrad", Options.of("lr", 0.1, "lr_decay", 0.1, "initial_accumulator_value", 0.2), "sum"),
                Arguments.of("Adadelta", Options.of("lr", 1.0, "rho", 0.8), "acc_delta"),
                Arguments.of("RMSprop", Options.of("lr", 0.01, "momentum", 0.9, "centered", true), "grad_avg"),
                Arguments.of("RAdam", Options.of("lr", 0.05, "weight_decay", 0.1, "decoupled_weight_decay", true), "exp_avg_sq"),
                Arguments.of("NAdam", Options.of("lr", 0.05, "momentum_decay", 0.1), "mu_product"),
                Arguments.of("ASGD", Options.of("lr", 0.05, "t0", 2.0), "ax"),
                Arguments.of("Rprop", Options.of("lr", 0.05, "step_sizes", List.of(0.01, 0.2)), "step_size"));
    }

    private static List<Tensor> params() {
        return List.of(Tensor.of(0.5, -1.2, 2.0).requiresGrad(true), Tensor.of(new double[] {0.3, 0.7, -0.4, 1.1}, 2, 2)
                .requiresGrad(true));
    }

    private static void run(Optimizer opt, int steps) {
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            Tensor loss = Tensor.scalar(0.0);
            for (Tensor p : opt.params()) {
                loss = loss.add(p.square().sum().mul(0.5)).add(p.pow(4).sum().mul(0.1)).add(p.sum().mul(0.3));
            }
            loss.backward();
            opt.step();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aResumedRunContinuesBitForBit(String name, Options options, String key, @TempDir Path dir) throws IOException {
        Optimizer straight = Optimizers.create(name, params(), options);
        run(straight, 8);

        Optimizer first = Optimizers.create(name, params(), options);
        run(first, 5);
        Path file = dir.resolve("opt.safetensors");
        first.save(file);
        List<Tensor> saved = first.params().stream().map(p -> p.detach().requiresGrad(true)).toList();
        Optimizer resumed = Optimizers.create(name, saved, options);
        resumed.load(file);
        run(resumed, 3);

        assertThat(resumed.getClass()).isEqualTo(straight.getClass());
        for (int i = 0; i < 2; i++) {
            assertThat(resumed.params().get(i).toDoubleArray()).containsExactly(straight.params().get(i).toDoubleArray());
            Map<String, Object> a = resumed.state(i);
            Map<String, Object> b = straight.state(i);
            assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
            for (String k : b.keySet()) {
                assertThat(((Tensor) a.get(k)).toDoubleArray()).as(k).containsExactly(((Tensor) b.get(k)).toDoubleArray());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aStateDictLackingAnEntryIsRejectedAndNothingIsLoaded(String name, Options options, String key) {
        Optimizer opt = Optimizers.create(name, params(), options);
        run(opt, 2);
        OptimizerStateDict good = opt.stateDict();
        Map<String, Object> broken = new LinkedHashMap<>(good.state(1));
        broken.remove(key);
        Map<String, Object> before = opt.state(1);
        assertThatThrownBy(() -> opt.loadStateDict(good.withState(1, broken)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state of parameter id 1").hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining("nothing was loaded");
        assertThat(opt.state(1)).isSameAs(before);
    }
}
