package dev.metagrad.optim.torch.lr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AnnealStrategyTest {
    @Test
    void annealGoesFromStartToEnd() {
        assertThat(AnnealStrategy.COS.anneal(1.0, 0.0, 0.0)).isEqualTo(1.0);
        assertThat(AnnealStrategy.COS.anneal(1.0, 0.0, 0.5)).isCloseTo(0.5, within(1e-16));
        assertThat(AnnealStrategy.COS.anneal(1.0, 0.0, 1.0)).isEqualTo(0.0);
        assertThat(AnnealStrategy.LINEAR.anneal(1.0, 0.0, 0.25)).isEqualTo(0.75);
    }

    @Test
    void alphaIsTheWeightOfTheTarget() {
        assertThat(AnnealStrategy.COS.alpha(0)).isEqualTo(0.0);
        assertThat(AnnealStrategy.COS.alpha(1)).isEqualTo(1.0);
        assertThat(AnnealStrategy.LINEAR.alpha(0.3)).isEqualTo(0.3);
    }

    @Test
    void parsesTorchsNames() {
        assertThat(AnnealStrategy.parse("cos")).isEqualTo(AnnealStrategy.COS);
        assertThat(AnnealStrategy.parse("linear")).isEqualTo(AnnealStrategy.LINEAR);
        assertThatThrownBy(() -> AnnealStrategy.parse("exp"))
                .hasMessage("anneal_strategy must be one of 'cos' or 'linear', instead got exp");
    }
}
