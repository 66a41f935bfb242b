package dev.metagrad.examples.imaml;

import dev.metagrad.examples.Main;
import dev.metagrad.examples.maml.MamlPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ImamlSineCommandTest {
    private static final Pattern TEST = Pattern.compile("^iteration (\\d+): meta-test query MSE before adaptation ([0-9.]+), after ([0-9.]+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aShortRunLowersTheMetaTestLossAndWritesThePlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("imaml.png");
        assertThat(run("imaml-sine", "--iterations", "60", "--tasks", "4", "--hidden", "20", "--outer-lr", "0.01",
                "--eval-every", "30", "--eval-tasks", "20", "--plot", png.toString())).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("imaml-sine: implicit MAML, K=20 inner steps (lr 0.02), lambda=2.0, 10 gmres steps, tasks=4");
        List<double[]> tests = lines.stream().map(TEST::matcher).filter(Matcher::find)
                .map(m -> new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))})
                .toList();
        assertThat(tests).extracting(t -> (int) t[0]).containsExactly(0, 30, 60);
        // meta-training lowers the held-out loss after adaptation
        assertThat(tests.get(2)[2]).isLessThan(tests.get(0)[2]);
        assertThat(lines).anyMatch(l -> l.contains("backward solve 10.0 iterations"));
        assertThat(lines.get(lines.size() - 1)).matches("median ms per meta-iteration: \\d+\\.\\d\\d");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(MamlPlot.WIDTH);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("iteration 60/60 meta-loss");
    }

    @Test
    void helpAndUsageErrors() {
        assertThat(run("imaml-sine", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: metagrad imaml-sine");
        assertThat(run("imaml-sine", "--K", "-1")).isEqualTo(ImamlSineCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("imaml-sine: --K: must be at least 1, got -1");
    }
}
