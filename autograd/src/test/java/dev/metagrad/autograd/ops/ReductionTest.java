package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReductionTest {
    @Test
    void parseAcceptsTorchSpellings() {
        assertThat(Reduction.parse("none")).isEqualTo(Reduction.NONE);
        assertThat(Reduction.parse("mean")).isEqualTo(Reduction.MEAN);
        assertThat(Reduction.parse("sum")).isEqualTo(Reduction.SUM);
    }

    @Test
    void parseRejectsAnUnknownNameQuotingIt() {
        assertThatThrownBy(() -> Reduction.parse("avg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("reduction", "none, mean, sum", "\"avg\"");
    }

    @Test
    void applyReducesPerElementLosses() {
        Tensor losses = Tensor.of(1, 2, 3, 6);
        assertThat(Reduction.NONE.apply(losses)).isSameAs(losses);
        assertThat(Reduction.MEAN.apply(losses).item()).isEqualTo(3);
        assertThat(Reduction.SUM.apply(losses).item()).isEqualTo(12);
        assertThat(Reduction.SUM.apply(losses).shape()).isEmpty();
    }
}
