package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaGradientTest {
    private static TaskResult task(double loss, double... grad) {
        return new TaskResult(new Adaptation(List.of(), new double[0]), loss, List.of(Tensor.of(grad)));
    }

    @Test
    void meanAveragesLossesAndGradientsOverTasks() {
        MetaGradient m = MetaGradient.mean(List.of(task(1.0, 1, 2), task(3.0, 3, 4), task(8.0, 5, 9)));
        assertThat(m.metaLoss()).isEqualTo(4.0);
        assertThat(m.grads()).hasSize(1);
        assertThat(m.grads().get(0).toDoubleArray()).containsExactly(3.0, 5.0);
        assertThat(m.queryLosses()).containsExactly(1.0, 3.0, 8.0);
    }

    @Test
    void meanOfNoTasksIsAnError() {
        assertThatThrownBy(() -> MetaGradient.mean(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tasks");
    }
}
