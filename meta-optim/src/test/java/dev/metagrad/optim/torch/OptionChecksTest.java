package dev.metagrad.optim.torch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionChecksTest {
    @Test
    void nonNegativeRejectsNegativesAndNaN() {
        assertThat(OptionChecks.nonNegative(Options.of("x", 0), "x", "Invalid x")).isEqualTo(0.0);
        assertThatThrownBy(() -> OptionChecks.nonNegative(Options.of("x", -1e-9), "x", "Invalid x")).hasMessage("Invalid x: -1.0E-9");
        assertThatThrownBy(() -> OptionChecks.nonNegative(Options.of("x", Double.NaN), "x", "Invalid x")).hasMessage("Invalid x: NaN");
        assertThatThrownBy(() -> OptionChecks.learningRate(Options.of("lr", true))).hasMessageContaining("option \"lr\" must be a number");
    }

    @Test
    void betasAreTwoNumbersInZeroOne() {
        assertThat(OptionChecks.betas(Options.of("betas", List.of(0.0, 0.999)))).containsExactly(0.0, 0.999);
        assertThatThrownBy(() -> OptionChecks.betas(Options.of("betas", List.of(0.9, 1.0)))).hasMessage("Invalid beta parameter at index 1: 1.0");
    }

    @Test
    void flagsAndImplementationSwitches() {
        OptionChecks.flags(Options.of("a", true), "a");
        assertThatThrownBy(() -> OptionChecks.flags(Options.of("a", 1), "a")).hasMessageContaining("option \"a\" must be a boolean");
        OptionChecks.optionalFlags(Options.of("foreach", null), "foreach");
        assertThatThrownBy(() -> OptionChecks.optionalFlags(Options.of("foreach", "yes"), "foreach")).hasMessageContaining("boolean or null");
        OptionChecks.implementationFlags(Options.of("foreach", true, "fused", false));
        OptionChecks.implementationFlags(Options.of("foreach", true));
        assertThatThrownBy(() -> OptionChecks.implementationFlags(Options.of("foreach", true, "fused", true)))
                .hasMessage("`fused` and `foreach` cannot be `True` together.");
    }
}
