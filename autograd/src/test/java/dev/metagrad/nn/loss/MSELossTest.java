package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MSELossTest {
    private static final Tensor INPUT = Tensor.of(1, 2, 4);
    private static final Tensor TARGET = Tensor.of(0, 2, 1);

    @Test
    void defaultsToTheMean() {
        assertThat(new MSELoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new MSELoss().forward(INPUT, TARGET).item()).isCloseTo((1.0 + 0 + 9) / 3, within(1e-15));
    }

    @Test
    void everyReductionIsTheFunctionalLoss() {
        for (Reduction r : Reduction.values()) {
            assertThat(new MSELoss(r).forward(INPUT, TARGET).toDoubleArray()).as(r.toString())
                    .containsExactly(Losses.mseLoss(INPUT, TARGET, r).toDoubleArray());
        }
    }

    @Test
    void aNullReductionIsRejected() {
        assertThatThrownBy(() -> new MSELoss(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSELoss");
    }
}
