package dev.metagrad.nn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairsTest {
    @Test
    void oneValueServesBothDims() {
        assertThat(Pairs.of("L", "s", 3)).containsExactly(3, 3);
        assertThat(Pairs.of("L", "s", 3, 4)).containsExactly(3, 4);
    }

    @Test
    void theResultIsACopy() {
        int[] given = {1, 2};
        int[] pair = Pairs.of("L", "s", given);
        given[0] = 9;
        assertThat(pair).containsExactly(1, 2);
    }

    @Test
    void otherCountsNameTheLayerAndSetting() {
        assertThatThrownBy(() -> Pairs.of("Conv2d", "stride")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2d: stride takes one or two values, got 0");
        assertThatThrownBy(() -> Pairs.of("Conv2d", "stride", (int[]) null)).hasMessageContaining("got null");
    }
}
