package dev.metagrad.optim.torch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LbfgsLineSearchTest {
    @Test
    void parsesTorchNames() {
        assertThat(LbfgsLineSearch.fromTorchName(null)).isEqualTo(LbfgsLineSearch.NONE);
        assertThat(LbfgsLineSearch.fromTorchName("strong_wolfe")).isEqualTo(LbfgsLineSearch.STRONG_WOLFE);
        assertThat(LbfgsLineSearch.STRONG_WOLFE.torchName()).isEqualTo("strong_wolfe");
        assertThat(LbfgsLineSearch.NONE.torchName()).isNull();
    }

    @Test
    void anUnknownNameListsTheValidValues() {
        assertThatThrownBy(() -> LbfgsLineSearch.fromTorchName("backtracking"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'backtracking'").hasMessageContaining("strong_wolfe").hasMessageContaining("null");
    }
}
