package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmoothL1LossTest {
    private static final Tensor INPUT = Tensor.of(0.5, 3, -1);
    private static final Tensor TARGET = Tensor.of(0, 0, 0);

    @Test
    void defaultsToTheMeanWithBetaOne() {
        SmoothL1Loss loss = new SmoothL1Loss();
        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
        assertThat(loss.beta()).isEqualTo(1.0);
        // 0.5^2 / 2, 3 - 1/2, 1 - 1/2
        assertThat(loss.forward(INPUT, TARGET).item()).isCloseTo((0.125 + 2.5 + 0.5) / 3, within(1e-15));
    }

    @Test
    void settingsArePassedToTheFunctionalLoss() {
        for (double beta : new double[] {0.0, 2.0}) {
            SmoothL1Loss loss = new SmoothL1Loss(Reduction.SUM, beta);
            assertThat(loss.forward(INPUT, TARGET).item())
                    .isEqualTo(Losses.smoothL1Loss(INPUT, TARGET, Reduction.SUM, beta).item());
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new SmoothL1Loss(Reduction.SUM, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SmoothL1Loss").hasMessageContaining("beta -1.0");
    }
}
