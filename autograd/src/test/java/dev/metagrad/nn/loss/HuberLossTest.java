package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HuberLossTest {
    private static final Tensor INPUT = Tensor.of(0.5, 3, -1);
    private static final Tensor TARGET = Tensor.of(0, 0, 0);

    @Test
    void defaultsToTheMeanWithDeltaOne() {
        HuberLoss loss = new HuberLoss();
        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
        assertThat(loss.delta()).isEqualTo(1.0);
        // 0.5^2 / 2, 1 * (3 - 1/2), 1 * (1 - 1/2)
        assertThat(loss.forward(INPUT, TARGET).item()).isCloseTo((0.125 + 2.5 + 0.5) / 3, within(1e-15));
    }

    @Test
    void settingsArePassedToTheFunctionalLoss() {
        HuberLoss loss = new HuberLoss(Reduction.NONE, 2.0);
        assertThat(loss.forward(INPUT, TARGET).toDoubleArray())
                .containsExactly(Losses.huberLoss(INPUT, TARGET, Reduction.NONE, 2.0).toDoubleArray());
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new HuberLoss(Reduction.SUM, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HuberLoss").hasMessageContaining("delta 0.0");
        assertThatThrownBy(() -> new HuberLoss(null, 1)).hasMessageContaining("HuberLoss");
    }
}
