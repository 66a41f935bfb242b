package dev.metagrad.examples.maml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offATerminalItPrintsAPlainLineEveryTenthWithItsOwnWords() {
        Progress p = new Progress(err, false, 20, "step", "validation MSE");
        for (int i = 1; i <= 20; i++) {
            p.update(i, 1.0 / i, 0.5);
        }
        p.finish();
        assertThat(text().lines().toList()).hasSize(10)
                .startsWith("step 2/20 validation MSE 0.5000 (0.5 ms)")
                .endsWith("step 20/20 validation MSE 0.0500 (0.5 ms)");
        assertThat(text()).doesNotContain("\r");
    }

    @Test
    void onATerminalItRedrawsOneBarAndEndsItsLine() {
        Progress p = new Progress(err, true, 4);
        p.update(2, 0.25, 1.0);
        p.finish();
        assertThat(text()).startsWith("\r[###############...............] 2/4 meta-loss 0.2500 1.0 ms/it ").endsWith("\n");
    }
}
