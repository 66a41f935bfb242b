package dev.metagrad.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceRunnerTest {
    @TempDir
    Path dir;

    /** Output and exit status of one run. */
    private record Run(int status, List<String> out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConformanceRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(status, text.isEmpty() ? List.of() : List.of(text.split("\\R")), err.toString(StandardCharsets.UTF_8));
    }

    /** A correct case of {@code add} on two 2-vectors: grads are the cotangent, hvp is zero. */
    private static String addCase(String id, String kind, double outputFirst) {
        String t2 = "{\"shape\": [2], \"data\": [%s, %s]}";
        return "{\"id\": \"" + id + "\", \"op\": \"add\", " + (kind == null ? "" : "\"kind\": \"" + kind + "\", ")
                + "\"args\": {}, \"inputs\": [" + t2.formatted(1.0, 2.0) + ", " + t2.formatted(0.5, -1.0) + "], "
                + "\"requires_grad\": [true, true], \"output\": " + t2.formatted(outputFirst, 1.0) + ", "
                + "\"cotangent\": " + t2.formatted(0.25, 3.0) + ", \"grads\": [" + t2.formatted(0.25, 3.0) + ", "
                + t2.formatted(0.25, 3.0) + "], \"directions\": [" + t2.formatted(1.0, 1.0) + ", " + t2.formatted(-1.0, 2.0)
                + "], \"hvp\": [" + t2.formatted(0.0, 0.0) + ", " + t2.formatted(0.0, 0.0) + "]}";
    }

    private Path golden(String suite, String... cases) throws IOException {
        Path f = Files.createTempFile(dir, "golden", ".json");
        Files.writeString(f, "{\"suite\": \"" + suite + "\", \"dtype\": \"float64\", \"cases\": ["
                + String.join(", ", cases) + "]}");
        return f;
    }

    @Test
    void bundledFilesRunByDefaultAndAllPass() {
        Run r = run();
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsExactly("202 passed, 0 failed");
    }

    @Test
    void onlyFiltersByIdOrOpPrefixAndCountsOnlySelectedCases() {
        Run r = run("--only", "conv2d,max_pool2d_1,cumsum_2");
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsExactly("7 passed, 0 failed");
        assertThat(run("--only=softmax").out()).containsExactly("4 passed, 0 failed");
        // log_*, log_softmax_* and logsumexp_*; a repeated --only adds prefixes
        assertThat(run("--only", "log", "--only", "log_softmax").out()).containsExactly("10 passed, 0 failed");
        assertThat(run("--only", "log_", "--only", "norm").out()).containsExactly("10 passed, 0 failed");
    }

    @Test
    void onlyMatchesKindAndFailuresGetOneLineEach() throws IOException {
        Path f = golden(AutogradOpsSuite.NAME, addCase("good", null, 1.5), addCase("wrong", "special", 1.6),
                addCase("odd", "special", 1.5), "{\"id\": \"mystery\", \"op\": \"frobnicate\", \"kind\": \"other\"}");
        Run all = run(f.toString());
        assertThat(all.status()).isEqualTo(ConformanceRunner.FAILED);
        assertThat(all.out()).hasSize(3);
        assertThat(all.out().get(0)).startsWith("FAIL wrong output abs=1.000e-01 rel=");
        assertThat(all.out().get(1)).isEqualTo("FAIL mystery error unknown op \"frobnicate\"");
        assertThat(all.out().get(2)).isEqualTo("2 passed, 2 failed");

        Run special = run("--only", "spec", f.toString());
        assertThat(special.out()).containsExactly(all.out().get(0), "1 passed, 1 failed");

        Run byId = run("--only", "go,od", f.toString());
        assertThat(byId.status()).isZero();
        assertThat(byId.out()).containsExactly("2 passed, 0 failed");

        Run none = run("--only", "zzz", f.toString());
        assertThat(none.status()).isZero();
        assertThat(none.out()).containsExactly("0 passed, 0 failed");
        assertThat(none.err()).contains("no case matches");
    }

    @Test
    void unknownArgumentsAndMalformedCasesFailInsteadOfBeingSkipped() throws IOException {
        String extraArg = addCase("extra", null, 1.5).replace("\"args\": {}", "\"args\": {\"alpha\": 2}");
        String broken = addCase("broken", null, 1.5).replace("[0.5, -1.0]", "[0.5]");
        Run r = run(golden(AutogradOpsSuite.NAME, extraArg, broken).toString());
        assertThat(r.out()).containsExactly(
                "FAIL extra error add: unknown argument(s) [alpha]",
                "FAIL broken error inputs[1]: shape [2] needs 2 values but data has 1",
                "0 passed, 2 failed");
        assertThat(r.status()).isEqualTo(ConformanceRunner.FAILED);
    }

    @Test
    void unknownSuiteNamesTheKnownOnes() throws IOException {
        Run r = run(golden("no-such-suite").toString());
        assertThat(r.status()).isEqualTo(ConformanceRunner.USAGE);
        assertThat(r.err()).contains("unknown suite \"no-such-suite\"").contains("known suites: ").contains(AutogradOpsSuite.NAME);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badCommandLinesAndFilesAreUsageErrors() {
        assertThat(run("--frobnicate").status()).isEqualTo(ConformanceRunner.USAGE);
        assertThat(run("--only").err()).contains("--only needs a value");
        Run missing = run(dir.resolve("missing.json").toString());
        assertThat(missing.status()).isEqualTo(ConformanceRunner.USAGE);
        assertThat(missing.err()).contains("missing.json");
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out().get(0)).startsWith("usage: conformance");
    }

    @Test
    void runsFilesFromDisk() throws IOException {
        Path copy = dir.resolve("autograd_ops.json");
        try (var in = ConformanceRunnerTest.class.getResourceAsStream(AutogradOpsSuite.RESOURCE)) {
            Files.copy(in, copy);
        }
        assertThat(run("--only", "gather", copy.toString()).out()).containsExactly("3 passed, 0 failed");
    }

    @Test
    void toleranceFollowsTheFormula() {
        Tolerance t = new Tolerance(1e-9, 1e-10);
        assertThat(t.accepts(1.0 + 1e-9, 1.0)).isTrue();
        assertThat(t.accepts(1.0 + 2e-9, 1.0)).isFalse();
        assertThat(t.accepts(5e-11, 0.0)).isTrue();
        assertThat(t.accepts(Double.NaN, Double.NaN)).isTrue();
        assertThat(t.accepts(Double.NaN, 1.0)).isFalse();
        assertThat(t.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(t.accepts(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(t.accepts(1.0, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(t.accepts(Double.POSITIVE_INFINITY, 1.0)).isFalse();
        Tolerance.Comparison c = t.compare(new double[] {1.0, 2.5}, new double[] {1.0, 2.0});
        assertThat(c.passed()).isFalse();
        assertThat(c.worstAbs()).isEqualTo(0.5);
        assertThat(c.worstRel()).isEqualTo(0.25);
    }
}
