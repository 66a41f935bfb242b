package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NLLLossTest {
    private static final Tensor INPUT = Tensor.of(new double[] {-0.5, -1.0, -2.0, -0.25}, 2, 2);
    private static final Tensor TARGET = Tensor.ofLongs(new long[] {1, 0}, 2);

    @Test
    void defaultsToTheMean() {
        assertThat(new NLLLoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new NLLLoss().forward(INPUT, TARGET).item()).isCloseTo((1.0 + 2.0) / 2, within(1e-15));
    }

    @Test
    void everyReductionIsTheFunctionalLoss() {
        for (Reduction r : Reduction.values()) {
            assertThat(new NLLLoss(r).forward(INPUT, TARGET).toDoubleArray()).as(r.toString())
                    .containsExactly(Losses.nllLoss(INPUT, TARGET, r).toDoubleArray());
        }
    }

    @Test
    void aNullReductionIsRejected() {
        assertThatThrownBy(() -> new NLLLoss(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NLLLoss");
    }
}
