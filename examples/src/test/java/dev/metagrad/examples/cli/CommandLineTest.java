package dev.metagrad.examples.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    private static final Set<String> VALUED = Set.of("--steps", "--lr", "--seed", "--plot");
    private static final Set<String> FLAGS = Set.of("--fast");

    private static CommandLine parse(String... args) {
        return CommandLine.parse(List.of(args), VALUED, FLAGS);
    }

    @Test
    void readsBothSpellingsFlagsAndDefaults() {
        CommandLine c = parse("--steps", "7", "--lr=0.5", "--fast", "--steps=9");
        assertThat(c.integer("--steps", 1, 1)).isEqualTo(9); // the last occurrence wins
        assertThat(c.positive("--lr", 1.0)).isEqualTo(0.5);
        assertThat(c.flag("--fast")).isTrue();
        assertThat(c.longInteger("--seed", -3)).isEqualTo(-3);
        assertThat(c.path("--plot", Path.of("a.png"))).isEqualTo(Path.of("a.png"));
        assertThat(parse().flag("--fast")).isFalse();
        assertThat(parse("--seed", "-12").longInteger("--seed", 0)).isEqualTo(-12);
        assertThat(parse("--plot", "out/p.png").path("--plot", null)).isEqualTo(Path.of("out/p.png"));
    }

    @Test
    void malformedCommandLinesNameTheOption() {
        assertThatThrownBy(() -> parse("--stesp", "3")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown option --stesp (known: --fast, --lr, --plot, --seed, --steps)");
        assertThatThrownBy(() -> parse("--steps")).hasMessage("--steps needs a value");
        assertThatThrownBy(() -> parse("--fast=yes")).hasMessage("--fast takes no value");
        assertThatThrownBy(() -> parse("steps")).hasMessage("unexpected argument 'steps'");
    }

    @Test
    void valuesAreCheckedWhenRead() {
        assertThatThrownBy(() -> parse("--steps", "x").integer("--steps", 1, 1))
                .hasMessage("--steps: expected an integer, got 'x'");
        assertThatThrownBy(() -> parse("--steps", "0").integer("--steps", 1, 1))
                .hasMessage("--steps: must be at least 1, got 0");
        assertThatThrownBy(() -> parse("--lr", "fast").positive("--lr", 1))
                .hasMessage("--lr: expected a number, got 'fast'");
        assertThatThrownBy(() -> parse("--lr", "0").positive("--lr", 1)).hasMessage("--lr: must be positive, got 0");
        assertThatThrownBy(() -> parse("--lr", "NaN").positive("--lr", 1)).hasMessageContaining("expected a finite number");
        assertThatThrownBy(() -> parse("--lr", "2").real("--lr", 0, 0, 1))
                .hasMessage("--lr: expected a finite number in [0.0, 1.0], got 2");
        assertThatThrownBy(() -> parse("--seed", "1.5").longInteger("--seed", 0))
                .hasMessage("--seed: expected an integer, got '1.5'");
        assertThatThrownBy(() -> parse("--plot=").path("--plot", null))
                .hasMessage("--plot: expected a path, got an empty string");
        assertThatThrownBy(() -> parse("--plot", "a\0b").path("--plot", null))
                .hasMessageStartingWith("--plot: not a valid path");
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertThat(CommandLine.wantsHelp(List.of("--steps", "3", "-h"))).isTrue();
        assertThat(CommandLine.wantsHelp(List.of("--help"))).isTrue();
        assertThat(CommandLine.wantsHelp(List.of("--steps", "3"))).isFalse();
    }
}
