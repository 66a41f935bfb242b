package dev.metagrad.optim.torch.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerConfigTest {
    @Test
    void defaultsAreGraphGyms() {
        assertThat(SchedulerConfig.defaults()).isEqualTo(new SchedulerConfig("cos", List.of(30, 60, 90), 0.1, 200));
    }

    @Test
    void aNullSchedulerIsNone() {
        assertThat(new SchedulerConfig(null, List.of(), 0.1, 10).scheduler()).isEqualTo(SchedulerConfig.NONE);
        assertThat(SchedulerConfig.defaults().withScheduler(null).scheduler()).isEqualTo("none");
    }

    @Test
    void stepsAreCopied() {
        List<Integer> steps = new ArrayList<>(List.of(5, 10));
        SchedulerConfig c = SchedulerConfig.defaults().withSteps(steps);
        steps.add(15);
        assertThat(c.steps()).containsExactly(5, 10);
        assertThatThrownBy(() -> c.steps().add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withersChangeOneField() {
        SchedulerConfig c = SchedulerConfig.defaults().withScheduler("step").withLrDecay(0.5).withMaxEpoch(50);
        assertThat(c).isEqualTo(new SchedulerConfig("step", List.of(30, 60, 90), 0.5, 50));
    }

    @Test
    void badValuesAreRejected() {
        assertThatThrownBy(() -> new SchedulerConfig("", List.of(), 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheduler must be a non-blank name or null");
        assertThatThrownBy(() -> new SchedulerConfig("step", Arrays.asList(1, null), 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps must be a list of epochs without nulls");
        assertThatThrownBy(() -> new SchedulerConfig("step", null, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
