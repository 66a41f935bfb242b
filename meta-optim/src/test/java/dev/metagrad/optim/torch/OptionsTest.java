package dev.metagrad.optim.torch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void valuesAreNormalisedAndOrderIsKept() {
        Options o = Options.of("lr", 0.1f, "momentum", 0, "betas", new double[] {0.9, 0.999}, "fn", null, "flag", true);
        assertThat(o.keys()).containsExactly("lr", "momentum", "betas", "fn", "flag");
        assertThat(o.get("lr")).isEqualTo((double) 0.1f);
        assertThat(o.get("momentum")).isEqualTo(0L);
        assertThat(o.get("betas")).isEqualTo(List.of(0.9, 0.999));
        assertThat(o.getDouble("momentum")).isEqualTo(0.0);
        assertThat(o.getLong("momentum")).isEqualTo(0L);
        assertThat(o.getDoubles("betas")).containsExactly(0.9, 0.999);
        assertThat(o.getString("fn")).isNull();
        assertThat(o.getBoolean("flag")).isTrue();
        assertThat(Options.of("step_sizes", List.of(1e-6, 50)).getDoubles("step_sizes")).containsExactly(1e-6, 50.0);
    }

    @Test
    void withReplacesInPlaceAndAppendsNewKeys() {
        Options o = Options.of("a", 1.0, "b", 2.0);
        assertThat(o.with("a", 3.0).keys()).containsExactly("a", "b");
        assertThat(o.with("c", 3.0).keys()).containsExactly("a", "b", "c");
        assertThat(o.withAll(Options.of("b", 5.0, "d", 1L)).asMap()).containsExactly(
                org.assertj.core.api.Assertions.entry("a", 1.0), org.assertj.core.api.Assertions.entry("b", 5.0),
                org.assertj.core.api.Assertions.entry("d", 1L));
        assertThat(o.get("a")).isEqualTo(1.0); // unchanged
        assertThat(o.without("a").keys()).containsExactly("b");
    }

    @Test
    void typedGettersNameTheKey() {
        Options o = Options.of("lr", "fast", "n", 1.5, "betas", List.of(0.9));
        assertThatThrownBy(() -> o.getDouble("lr")).hasMessage("option \"lr\" must be a number, got String fast");
        assertThatThrownBy(() -> o.getLong("n")).hasMessage("option \"n\" must be an integer, got Double 1.5");
        assertThatThrownBy(() -> o.getDoubles("betas", 2)).hasMessageContaining("option \"betas\" must hold 2 numbers");
        assertThatThrownBy(() -> o.get("eps")).hasMessageContaining("no option \"eps\"");
        assertThatThrownBy(() -> Options.of("lr")).hasMessageContaining("odd count");
        assertThatThrownBy(() -> Options.of("lr", 1.0, "lr", 2.0)).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Options.of("x", new Object())).hasMessageContaining("option \"x\": unsupported value type");
        assertThatThrownBy(() -> Options.of("x", List.of("a"))).hasMessageContaining("a tuple must hold numbers");
    }

    @Test
    void equalOptionsAreEqual() {
        assertThat(Options.of("a", 1, "b", List.of(1.0))).isEqualTo(Options.of("a", 1L, "b", new double[] {1.0}));
        assertThat(Options.of("a", 1L)).isNotEqualTo(Options.of("a", 1.0));
    }
}
