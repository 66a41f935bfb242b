package dev.metagrad.optim.torch.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFormatExceptionTest {
    @Test
    void theMessageStartsWithTheSourceLineAndKey() {
        ConfigFormatException e = new ConfigFormatException("cfg.yaml", 4, "optim.base_lr", "expected a number, got 'x'", null);
        assertThat(e).hasMessage("cfg.yaml:4: optim.base_lr: expected a number, got 'x'").isInstanceOf(IllegalArgumentException.class);
        assertThat(e.source()).isEqualTo("cfg.yaml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("optim.base_lr");
    }

    @Test
    void anUnknownLineAndNoKeyAreLeftOut() {
        ConfigFormatException e = new ConfigFormatException("cfg.yaml", 0, null, "invalid YAML: x", null);
        assertThat(e).hasMessage("cfg.yaml: invalid YAML: x");
        assertThat(e.key()).isNull();
    }
}
