package dev.metagrad.examples.hyper;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The two hyper-parameter commands end to end, through {@link Main}. */
class HyperCommandTest {
    private static final Pattern VALIDATION = Pattern.compile("validation (?:MSE|log loss) ([0-9.e+-]+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static double validation(String line) {
        Matcher m = VALIDATION.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void ridgeHyperLowersTheValidationMseAndWritesThePlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/ridge.png");
        assertThat(run("ridge-hyper", "--steps", "20", "--lr", "0.2", "--plot", png.toString())).isZero();
        List<String> lines = stdout();
        assertThat(lines.get(0)).startsWith("ridge-hyper: ridge regression on diabetes, 10 per-feature L2 penalties; "
                + "rows train 266 / validation 88 / test 88 (split seed 0); outer Adam lr 0.2, 20 steps");
        String before = lines.stream().filter(l -> l.startsWith("before: ")).findFirst().orElseThrow();
        String after = lines.stream().filter(l -> l.startsWith("after:  ")).findFirst().orElseThrow();
        assertThat(validation(after)).isLessThan(validation(before));
        assertThat(lines).anyMatch(l -> l.matches("  bmi +[0-9.e+-]+ +\\(l = [+-][0-9.]+\\)"));
        assertThat(lines).contains("wrote " + png);
        assertThat(lines.get(lines.size() - 1)).matches("median ms per step: \\d+\\.\\d{3}");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(HyperPlot.WIDTH);
        assertThat(img.getHeight()).isEqualTo(HyperPlot.HEIGHT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("step 20/20 validation MSE").doesNotContain("\r");
    }

    @Test
    void logisticHyperLowersTheValidationLogLossAndReportsAccuracy(@TempDir Path dir) {
        assertThat(run("logistic-hyper", "--steps=10", "--seed=3", "--plot=" + dir.resolve("l.png"))).isZero();
        List<String> lines = stdout();
        assertThat(lines.get(0)).startsWith("logistic-hyper: logistic regression on breast_cancer, 30 per-feature L2 "
                + "penalties; rows train 341 / validation 114 / test 114 (split seed 3)");
        String before = lines.stream().filter(l -> l.startsWith("before: ")).findFirst().orElseThrow();
        String after = lines.stream().filter(l -> l.startsWith("after:  ")).findFirst().orElseThrow();
        assertThat(after).contains("(accuracy ");
        assertThat(validation(after)).isLessThan(validation(before));
        assertThat(lines).anyMatch(l -> l.startsWith("  worst fractal dimension "));
    }

    @Test
    void foldsSwitchToCrossValidation(@TempDir Path dir) {
        assertThat(run("ridge-hyper", "--steps", "5", "--folds", "3", "--plot", dir.resolve("r.png").toString())).isZero();
        assertThat(stdout().get(0)).startsWith("ridge-hyper: ridge regression on diabetes, 3-fold cross-validated, "
                + "10 per-feature L2 penalties; rows train 236 / validation 118 / test 88");
    }

    @Test
    void helpPrintsTheOptions() {
        assertThat(run("ridge-hyper", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: metagrad ridge-hyper [OPTIONS]")
                .contains("--steps N").contains("default 200").contains("--plot PATH").contains("ridge-hyper.png");
        assertThat(run("logistic-hyper", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: metagrad logistic-hyper").contains("Newton");
    }

    @Test
    void aBadOptionIsAUsageErrorOnStderr() {
        assertThat(run("ridge-hyper", "--steps", "zero")).isEqualTo(HyperCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ridge-hyper: --steps: expected an integer, got 'zero'")
                .contains("usage: metagrad ridge-hyper");
        assertThat(out.size()).isZero();
        assertThat(run("logistic-hyper", "--frobnicate")).isEqualTo(HyperCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("logistic-hyper: unknown option --frobnicate");
    }

    @Test
    void anUnwritablePlotFailsWithStatusOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("file");
        java.nio.file.Files.writeString(file, "x");
        assertThat(run("ridge-hyper", "--steps", "1", "--plot", file.resolve("p.png").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ridge-hyper: cannot write the plot");
    }
}
