package dev.metagrad.linearsolve;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvOptionsTest {
    @Test
    void defaultsAreTorchOpts() {
        assertThat(InvOptions.defaults()).isEqualTo(new InvOptions(0.0, false, new NeumannOptions(10, OptionalDouble.empty())));
    }

    @Test
    void withersChangeOneSettingEach() {
        InvOptions o = InvOptions.defaults().withRidge(0.3).withNs(true).withMaxIter(5).withAlpha(0.4);
        assertThat(o).isEqualTo(new InvOptions(0.3, true, new NeumannOptions(5, OptionalDouble.of(0.4))));
        assertThat(o.alpha()).hasValue(0.4);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new InvOptions(0, true, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NeumannOptions.defaults()");
        assertThatThrownBy(() -> InvOptions.defaults().withRidge(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InvOptions: ridge must be finite");
    }
}
