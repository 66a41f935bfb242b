package dev.metagrad.optim.torch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionChecksTest {
    @Test
    void nonNegativeRejectsNegativesAndNaN() {
        assertThat(OptionChecks.nonNegative(Options.of("x", 0), "x", "Invalid x")).isEqualTo(0.0);
        assertThatThrownBy(() -> OptionChecks.nonNegative(Options.of("x", -1e-9), "x", "Invalid x")).hasMessage("Invalid x: -1e-09");
        assertThatThrownBy(() -> OptionChecks.nonNegative(Options.of("x", Double.NaN), "x", "Invalid x")).hasMessage("Invalid x: nan");
        assertThatThrownBy(() -> OptionChecks.nonNegative(Options.of("x", Double.NEGATIVE_INFINITY), "x", "Invalid x"))
                .hasMessage("Invalid x: -inf");
        assertThatThrownBy(() -> OptionChecks.learningRate(Options.of("lr", true))).hasMessageContaining("option \"lr\" must be a number");
    }

    /** torch formats the value with an f-string: an int stays an int, a float is Python's repr. */
    @Test
    void messagesPrintTheValueAsPythonDoes() {
        assertThatThrownBy(() -> OptionChecks.learningRate(Options.of("lr", -1))).hasMessage("Invalid learning rate: -1");
        assertThatThrownBy(() -> OptionChecks.learningRate(Options.of("lr", -1e-5))).hasMessage("Invalid learning rate: -1e-05");
        assertThatThrownBy(() -> OptionChecks.epsilon(Options.of("eps", -1e-8))).hasMessage("Invalid epsilon value: -1e-08");
        assertThatThrownBy(() -> OptionChecks.weightDecay(Options.of("weight_decay", -0.0001)))
                .hasMessage("Invalid weight_decay value: -0.0001");
        assertThatThrownBy(() -> OptionChecks.weightDecay(Options.of("weight_decay", -1e16)))
                .hasMessage("Invalid weight_decay value: -1e+16");
        assertThatThrownBy(() -> OptionChecks.betas(Options.of("betas", List.of(1e20, 0.9))))
                .hasMessage("Invalid beta parameter at index 0: 1e+20");
        assertThatThrownBy(() -> OptionChecks.betas(Options.of("betas", List.of(0.9, -2e-3))))
                .hasMessage("Invalid beta parameter at index 1: -0.002");
        assertThat(OptionChecks.pyValue(Options.of("x", 100.0), "x")).isEqualTo("100.0");
        assertThat(OptionChecks.pyValue(Options.of("x", 100), "x")).isEqualTo("100");
    }

    @Test
    void betasAreTwoNumbersInZeroOne() {
        assertThat(OptionChecks.betas(Options.of("betas", List.of(0.0, 0.999)))).containsExactly(0.0, 0.999);
        assertThatThrownBy(() -> OptionChecks.betas(Options.of("betas", List.of(0.9, 1.0)))).hasMessage("Invalid beta parameter at index 1: 1.0");
    }

    @Test
    void adamFamilyChecksLrEpsBetasWeightDecayInTorchOrder() {
        OptionChecks.adamFamily(Options.of("lr", 1e-3, "eps", 1e-8, "betas", List.of(0.9, 0.999), "weight_decay", 0.0));
        // every option is bad: the first check in torch's order names the error
        assertThatThrownBy(() -> OptionChecks.adamFamily(Options.of("lr", -1.0, "eps", -1.0, "betas", List.of(1.0, 1.0),
                "weight_decay", -1.0))).hasMessage("Invalid learning rate: -1.0");
        assertThatThrownBy(() -> OptionChecks.adamFamily(Options.of("lr", 0.1, "eps", -1.0, "betas", List.of(1.0, 1.0),
                "weight_decay", -1.0))).hasMessage("Invalid epsilon value: -1.0");
        assertThatThrownBy(() -> OptionChecks.adamFamily(Options.of("lr", 0.1, "eps", 0.0, "betas", List.of(0.5, 1.0),
                "weight_decay", -1.0))).hasMessage("Invalid beta parameter at index 1: 1.0");
        assertThatThrownBy(() -> OptionChecks.adamFamily(Options.of("lr", 0.1, "eps", 0.0, "betas", List.of(0.5, 0.5),
                "weight_decay", -1.0))).hasMessage("Invalid weight_decay value: -1.0");
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
