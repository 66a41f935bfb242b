package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CrossEntropyLossTest {
    private static final Tensor LOGITS = Tensor.of(new double[] {0, 0, 1, 2, 0, 0}, 2, 3);
    private static final Tensor TARGET = Tensor.ofLongs(new long[] {2, 0}, 2);

    @Test
    void defaultsToTheMeanWithoutSmoothing() {
        CrossEntropyLoss loss = new CrossEntropyLoss();
        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
        assertThat(loss.labelSmoothing()).isZero();
        double z = Math.log(2 + Math.E);
        double l0 = z - 1;
        double l1 = Math.log(Math.exp(2) + 2) - 2;
        assertThat(loss.forward(LOGITS, TARGET).item()).isCloseTo((l0 + l1) / 2, within(1e-15));
    }

    @Test
    void settingsArePassedToTheFunctionalLoss() {
        CrossEntropyLoss loss = CrossEntropyLoss.builder().reduction(Reduction.NONE).labelSmoothing(0.1).build();
        assertThat(loss.forward(LOGITS, TARGET).toDoubleArray())
                .containsExactly(Losses.crossEntropy(LOGITS, TARGET, Reduction.NONE, 0.1).toDoubleArray());
    }

    @Test
    void badSettingsAndTargetsAreRejected() {
        assertThatThrownBy(() -> CrossEntropyLoss.builder().labelSmoothing(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labelSmoothing 1.5");
        assertThatThrownBy(() -> CrossEntropyLoss.builder().reduction(null).build()).hasMessageContaining("CrossEntropyLoss");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(LOGITS, Tensor.ofLongs(new long[] {3, 0}, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("target 3");
    }
}
