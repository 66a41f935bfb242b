package dev.metagrad.linearsolve.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The 28 public {@code linear_solve} cases of torchopt.json (copied to this module's test resources). */
class LinearSolveGoldenTest {
    private static final String RESOURCE = "/dev/metagrad/linearsolve/torchopt_linear_solve.json";

    static List<Map<String, Object>> cases() {
        GoldenDocument doc = GoldenDocument.resource(RESOURCE);
        return GoldenDocument.cases(doc.root(), doc.source());
    }

    static Stream<Arguments> linearSolveCases() {
        return cases().stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearSolveCases")
    void matchesGolden(String id, Map<String, Object> data) {
        CaseResult result = LinearSolveGolden.run(id, data);
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    void bundledFileHasTwentyEightLinearSolveCases() {
        assertThat(cases()).hasSize(28).allMatch(c -> "linear_solve".equals(c.get("kind")));
    }

    @Test
    void anUnknownOptionIsAnErrorNotIgnored() {
        Map<String, Object> data = new HashMap<>(cases().get(0));
        data.put("options", Map.of("tol", 1e-3));
        CaseResult result = LinearSolveGolden.run("probe", data);
        assertThat(result.passed()).isFalse();
        assertThat(result.describe()).contains("unknown option tol");
    }

    @Test
    void aWrongAnswerFailsNamingTheField() {
        Map<String, Object> data = new HashMap<>(cases().get(0));
        data.put("options", Map.of("maxiter", 1));
        CaseResult result = LinearSolveGolden.run("probe", data);
        assertThat(result.passed()).isFalse();
        assertThat(result.field()).isEqualTo("x");
    }
}
