package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizersTest {
    private static Tensor leaf() {
        return Tensor.of(1.0, -1.0).requiresGrad(true);
    }

    @Test
    void createBuildsTheTorchClass() {
        assertThat(Optimizers.create("SGD", List.of(leaf()), Options.of("lr", 0.1))).isInstanceOf(SGD.class);
        assertThat(Optimizers.create("Adam", List.of(GroupSpec.of(List.of(leaf()))), Options.empty())).isInstanceOf(Adam.class);
        Optimizer w = Optimizers.create("AdamW", List.of(leaf()), Options.of("lr", 0.2));
        assertThat(w).isInstanceOf(AdamW.class);
        assertThat(w.paramGroups().get(0).lr()).isEqualTo(0.2);
        assertThat(Optimizers.names()).contains("SGD", "Adam", "AdamW");
    }

    @Test
    void anUnknownNameFails() {
        assertThatThrownBy(() -> Optimizers.create("Lion", List.of(leaf()), Options.empty()))
                .hasMessageStartingWith("unknown algorithm Lion; known: [");
    }

    @Test
    void aRegisteredAlgorithmWithoutFactoryGetsTheGenericOptimizer() {
        Algorithm halve = new Algorithm() {
            @Override
            public String name() {
                return "OptimizersTest.Halve";
            }

            @Override
            public Options defaults() {
                return Options.empty();
            }

            @Override
            public void validate(Options group) {
            }

            @Override
            public ParamStep step(Tensor p, Tensor g, Map<String, Object> state, Options group) {
                return new ParamStep(p.mul(0.5), state);
            }
        };
        Algorithms.register(halve);
        Optimizer opt = Optimizers.create("OptimizersTest.Halve", List.of(leaf()), Options.empty());
        assertThat(opt).isExactlyInstanceOf(AlgorithmOptimizer.class);
        assertThat(((AlgorithmOptimizer) opt).algorithm()).isSameAs(halve);
        opt.params().get(0).sum().backward();
        opt.step();
        assertThat(opt.params().get(0).toDoubleArray()).containsExactly(0.5, -0.5);
        assertThat(opt.toString()).startsWith("OptimizersTest.Halve (");
    }

    @Test
    void factoriesAreRegisteredOnce() {
        Optimizers.register("OptimizersTest.Stub", (groups, options) -> new OptimizerStub(groups, options));
        assertThat(Optimizers.create("OptimizersTest.Stub", List.of(leaf()), Options.of("lr", 0.3))).isInstanceOf(OptimizerStub.class);
        assertThatThrownBy(() -> Optimizers.register("OptimizersTest.Stub", (g, o) -> null)).hasMessageContaining("already registered");
    }
}
