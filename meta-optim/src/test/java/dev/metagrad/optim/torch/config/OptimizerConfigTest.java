package dev.metagrad.optim.torch.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerConfigTest {
    @Test
    void defaultsAreGraphGyms() {
        assertThat(OptimizerConfig.defaults()).isEqualTo(new OptimizerConfig("adam", 0.01, 5e-4, 0.9));
    }

    @Test
    void withersChangeOneField() {
        OptimizerConfig c = OptimizerConfig.defaults().withOptimizer("sgd").withBaseLr(0.1).withWeightDecay(0).withMomentum(0.5);
        assertThat(c).isEqualTo(new OptimizerConfig("sgd", 0.1, 0, 0.5));
        assertThat(OptimizerConfig.defaults().optimizer()).isEqualTo("adam");
    }

    @Test
    void theNameMustNotBeBlank() {
        assertThatThrownBy(() -> new OptimizerConfig(" ", 0.1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OptimizerConfig: optimizer must be a non-blank name, got ' '");
        assertThatThrownBy(() -> OptimizerConfig.defaults().withOptimizer(null)).hasMessageContaining("got null");
    }
}
