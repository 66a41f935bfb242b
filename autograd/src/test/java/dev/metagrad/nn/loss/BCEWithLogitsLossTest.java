package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BCEWithLogitsLossTest {
    private static final Tensor INPUT = Tensor.of(0, 2);
    private static final Tensor TARGET = Tensor.of(1, 0);

    @Test
    void defaultsToTheMean() {
        assertThat(new BCEWithLogitsLoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new BCEWithLogitsLoss().forward(INPUT, TARGET).item()).isCloseTo((Math.log(2) + Math.log1p(Math.exp(2))) / 2, within(1e-15));
    }

    @Test
    void everyReductionIsTheFunctionalLoss() {
        for (Reduction r : Reduction.values()) {
            assertThat(new BCEWithLogitsLoss(r).forward(INPUT, TARGET).toDoubleArray()).as(r.toString())
                    .containsExactly(Losses.binaryCrossEntropyWithLogits(INPUT, TARGET, r).toDoubleArray());
        }
    }

    @Test
    void aNullReductionIsRejected() {
        assertThatThrownBy(() -> new BCEWithLogitsLoss(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BCEWithLogitsLoss");
    }
}
