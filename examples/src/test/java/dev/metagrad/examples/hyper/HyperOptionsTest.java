package dev.metagrad.examples.hyper;

import dev.metagrad.examples.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperOptionsTest {
    private static final HyperOptions DEFAULTS = new HyperOptions(200, 0.05, 0, 0.0, 0.2, 0.2, 1, Path.of("r.png"));

    @Test
    void noArgumentsGiveTheDefaults() {
        assertThat(HyperOptions.parse(List.of(), DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void everyOptionIsRead() {
        HyperOptions o = HyperOptions.parse(List.of("--steps", "5", "--lr=0.2", "--seed", "7", "--init-log-penalty", "-1.5",
                "--validation-fraction", "0.3", "--test-fraction=0.1", "--folds", "4", "--plot", "x/y.png"), DEFAULTS);
        assertThat(o).isEqualTo(new HyperOptions(5, 0.2, 7, -1.5, 0.3, 0.1, 4, Path.of("x/y.png")));
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--steps", "0"), DEFAULTS)).isInstanceOf(UsageException.class)
                .hasMessage("--steps: must be at least 1, got 0");
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--lr", "-1"), DEFAULTS)).hasMessage("--lr: must be positive, got -1");
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--validation-fraction", "0.6", "--test-fraction", "0.5"), DEFAULTS))
                .hasMessageContaining("sum below 1");
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--init-log-penalty", "99"), DEFAULTS))
                .hasMessageContaining("--init-log-penalty: expected a finite number in [-30.0, 30.0]");
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--folds", "0"), DEFAULTS)).hasMessage("--folds: must be at least 1, got 0");
        assertThatThrownBy(() -> HyperOptions.parse(List.of("--K", "3"), DEFAULTS)).hasMessageStartingWith("unknown option --K");
    }
}
