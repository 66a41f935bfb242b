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
    void nullOptionsAndNullOptionValuesMeanTorchOptsDefaults() {
        Map<String, Object> data = new HashMap<>(cases().get(0));
        assertThat(data.get("options")).isEqualTo(Map.of());
        data.put("options", null);
        assertThat(LinearSolveGolden.run("probe", data).passed()).isTrue();
        Map<String, Object> nulls = new HashMap<>();
        for (String key : List.of("ridge", "init", "rtol", "atol", "maxiter", "M")) {
            nulls.put(key, null);
        }
        data.put("options", nulls);
        assertThat(LinearSolveGolden.run("probe", data).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preconditionedCases")
    void aPreconditionerOfSolveCgIsHonoured(String solver, List<Double> expected, boolean passes) {
        // solve_cg(M=...) hands M to linalg.cg; one step from 0 with the exact inverse lands on the solution,
        // while plain CG gives 0.4 (1, 1) (normal CG: A = diag(1, 2), AᵀA = diag(1, 4), Aᵀb = (1, 2))
        Map<String, Object> data = new HashMap<>();
        data.put("kind", "linear_solve");
        data.put("solver", solver);
        data.put("A", tensor(List.of(2, 2), "solve_cg".equals(solver) ? List.of(1.0, 0.0, 0.0, 4.0) : List.of(1.0, 0.0, 0.0, 2.0)));
        data.put("b", tensor(List.of(2), List.of(1.0, 1.0)));
        data.put("options", Map.of("M", tensor(List.of(2, 2), List.of(1.0, 0.0, 0.0, 0.25)), "maxiter", 1));
        data.put("x", tensor(List.of(2), expected));
        data.put("iterations", 1);
        data.put("tolerance", Map.of("x", Map.of("rtol", 1e-12, "atol", 0.0)));
        assertThat(LinearSolveGolden.run("probe", data).passed()).isEqualTo(passes);
    }

    static Stream<Arguments> preconditionedCases() {
        return Stream.of(Arguments.of("solve_cg", List.of(1.0, 0.25), true),
                Arguments.of("solve_cg", List.of(0.4, 0.4), false),
                Arguments.of("solve_normal_cg", List.of(1.0, 0.5), true));
    }

    @Test
    void aZeroDimCgRunsTorchOptsDefaultOfZeroIterations() {
        // FORMAT-torchopt.md §8.1/§11.7: maxiter = 10 · (sum of b's dims) = 0 for a 0-dim b, so x = x0 = 0
        Map<String, Object> data = new HashMap<>();
        data.put("kind", "linear_solve");
        data.put("solver", "solve_cg");
        data.put("A", tensor(List.of(), List.of(2.0)));
        data.put("b", tensor(List.of(), List.of(3.0)));
        data.put("options", Map.of());
        data.put("x", tensor(List.of(), List.of(0.0)));
        data.put("iterations", 0);
        data.put("tolerance", Map.of("x", Map.of("rtol", 1e-12, "atol", 0.0)));
        assertThat(LinearSolveGolden.run("probe", data).passed()).isTrue();
        // an explicit maxiter still solves: x = b / a after one step
        data.put("options", Map.of("maxiter", 5));
        data.put("x", tensor(List.of(), List.of(1.5)));
        data.put("iterations", 1);
        assertThat(LinearSolveGolden.run("probe", data).passed()).isTrue();
    }

    private static Map<String, Object> tensor(List<Integer> shape, List<Double> values) {
        return Map.of("shape", shape, "data", values);
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
