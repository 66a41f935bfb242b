package dev.metagrad.linearsolve;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NeumannOptionsTest {
    @Test
    void defaultsAreTorchOpts() {
        assertThat(NeumannOptions.defaults()).isEqualTo(new NeumannOptions(10, OptionalDouble.empty()));
        assertThat(NeumannOptions.defaults().withMaxIter(3).withAlpha(0.5)).isEqualTo(new NeumannOptions(3, OptionalDouble.of(0.5)));
    }

    @Test
    void zeroIterationsIsAValidCount() {
        assertThat(NeumannOptions.defaults().withMaxIter(0).maxIter()).isZero();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> NeumannOptions.defaults().withMaxIter(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NeumannOptions: maxIter must be >= 0, got -1");
        assertThatThrownBy(() -> NeumannOptions.defaults().withAlpha(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha must be finite and non-zero");
        assertThatThrownBy(() -> new NeumannOptions(1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OptionalDouble.empty()");
    }
}
