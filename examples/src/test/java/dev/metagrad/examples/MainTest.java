package dev.metagrad.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: metagrad").contains("conformance");
    }

    @Test
    void unknownCommandPrintsUsageOnStderr() {
        assertThat(run("frobnicate")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage: metagrad");
        assertThat(out.size()).isZero();
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: metagrad");
    }

    @Test
    void conformanceRunsTheBundledGoldenFiles() {
        assertThat(run("conformance", "--only", "matmul")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("8 passed, 0 failed");
    }
}
