package dev.metagrad.examples.maml;

import dev.metagrad.examples.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MamlSineCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTinyRunPrintsMetaTestLossesWritesTheImageAndEndsWithTheTiming(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/plot.png");
        assertThat(run("maml-sine", "--iterations", "3", "--tasks", "2", "--eval-every", "2", "--eval-tasks", "3",
                "--hidden", "8", "--plot", png.toString())).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("maml-sine: second-order MAML, K=5, tasks=2");
        assertThat(lines).anyMatch(l -> l.startsWith("iteration 2: meta-test loss "));
        assertThat(lines).anyMatch(l -> l.startsWith("iteration 3: meta-test loss "));
        assertThat(lines.get(lines.size() - 1)).matches("median ms per meta-iteration: \\d+\\.\\d\\d");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(MamlPlot.WIDTH);
        assertThat(img.getHeight()).isEqualTo(MamlPlot.HEIGHT);
        // not a tty under the test: plain progress lines, no carriage returns
        assertThat(stderr()).contains("iteration 3/3 meta-loss").doesNotContain("\r");
    }

    @Test
    void float32FirstOrderWithThreadsRuns(@TempDir Path dir) {
        assertThat(run("maml-sine", "--iterations=2", "--tasks=2", "--K=1", "--dtype=float32", "--first-order",
                "--threads=2", "--eval-tasks=2", "--plot=" + dir.resolve("p.png"))).isZero();
        assertThat(stdout()).contains("first-order MAML").contains("float32").contains("threads=2");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(run("maml-sine", "--frobnicate", "3")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --frobnicate").contains("usage: metagrad maml-sine");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aBadDtypeIsAUsageError() {
        assertThat(run("maml-sine", "--dtype", "float16")).isEqualTo(2);
        assertThat(stderr()).contains("--dtype: expected float64 or float32, got 'float16'").contains("usage:");
    }

    @Test
    void badNumbersAndMissingValuesAreUsageErrors() {
        assertThat(run("maml-sine", "--K", "five")).isEqualTo(2);
        assertThat(run("maml-sine", "--tasks", "0")).isEqualTo(2);
        assertThat(run("maml-sine", "--plot")).isEqualTo(2);
        assertThat(stderr()).contains("--K: expected an integer").contains("--tasks: must be at least 1")
                .contains("--plot needs a value");
    }

    @Test
    void helpPrintsTheOptions() {
        assertThat(run("maml-sine", "--help")).isZero();
        assertThat(stdout()).contains("--first-order").contains("--threads").contains("--plot");
    }

    @Test
    void optionsParseWithDefaults() {
        MamlSineOptions o = MamlSineOptions.parse(List.of("--K", "2", "--outer-lr", "0.01"));
        assertThat(o.innerSteps()).isEqualTo(2);
        assertThat(o.outerLr()).isEqualTo(0.01);
        assertThat(o.tasks()).isEqualTo(25);
        assertThat(o.dtype()).isEqualTo(dev.metagrad.autograd.DType.FLOAT64);
    }

    @Test
    void theWarmupLeavesAtLeastOneIteration() {
        assertThat(Timings.warmup(3)).isEqualTo(2);
        assertThat(Timings.warmup(100)).isEqualTo(10);
        assertThat(Timings.warmup(20)).isEqualTo(5);
        assertThat(Timings.medianAfterWarmup(new double[] {100, 100, 100, 100, 100, 1, 2, 3})).isEqualTo(2);
    }
}
