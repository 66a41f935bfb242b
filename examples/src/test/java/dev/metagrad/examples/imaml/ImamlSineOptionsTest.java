package dev.metagrad.examples.imaml;

import dev.metagrad.examples.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImamlSineOptionsTest {
    @Test
    void noArgumentsGiveTheDefaults() {
        assertThat(ImamlSineOptions.parse(List.of())).isEqualTo(ImamlSineOptions.defaults());
        assertThat(ImamlSineOptions.USAGE).contains("--lambda X").contains("--solver-steps N").contains("--solver S")
                .contains("(default gmres)").contains("imaml-sine.png");
    }

    @Test
    void everyOptionIsRead() {
        ImamlSineOptions o = ImamlSineOptions.parse(List.of("--K", "3", "--inner-lr", "0.1", "--lambda=2", "--solver-steps", "7", "--solver", "normal-cg",
                "--tasks", "4", "--iterations", "9", "--seed", "5", "--support", "6", "--query", "8", "--hidden", "12",
                "--outer-lr", "0.01", "--eval-every", "3", "--eval-tasks", "2", "--plot", "p.png"));
        assertThat(o).isEqualTo(new ImamlSineOptions(new ImamlConfig(3, 0.1, 2, 7, BackwardSolver.NORMAL_CG), 4, 9, 5, 6, 8, 12, 0.01, 3, 2,
                Path.of("p.png")));
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> ImamlSineOptions.parse(List.of("--lambda", "0"))).isInstanceOf(UsageException.class)
                .hasMessage("--lambda: must be positive, got 0");
        assertThatThrownBy(() -> ImamlSineOptions.parse(List.of("--solver-steps", "0")))
                .hasMessage("--solver-steps: must be at least 1, got 0");
        assertThatThrownBy(() -> ImamlSineOptions.parse(List.of("--solver", "lu")))
                .hasMessage("--solver: expected cg, normal-cg or gmres, got 'lu'");
        assertThatThrownBy(() -> ImamlSineOptions.parse(List.of("--first-order"))).hasMessageStartingWith("unknown option --first-order");
    }
}
