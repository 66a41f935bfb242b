package dev.metagrad.optim.torch.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimConfigTest {
    @Test
    void defaultsCombineBothHalves() {
        assertThat(OptimConfig.defaults().optimizer()).isEqualTo(OptimizerConfig.defaults());
        assertThat(OptimConfig.defaults().scheduler()).isEqualTo(SchedulerConfig.defaults());
    }

    @Test
    void bothHalvesAreRequired() {
        assertThatThrownBy(() -> new OptimConfig(null, SchedulerConfig.defaults())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("optimizer");
        assertThatThrownBy(() -> new OptimConfig(OptimizerConfig.defaults(), null)).hasMessageContaining("scheduler");
    }
}
