package dev.metagrad.linearsolve.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.linearsolve.LinearOperators;
import dev.metagrad.linearsolve.LinearSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void linearSolverMapsTorchOptKeywords() {
        Tensor a = Tensor.of(new double[] {4, 1, 1, 3}, 2, 2);
        Tensor b = Tensor.of(1.0, 2.0);
        double[] x = {1.0 / 11, 7.0 / 11};
        for (String name : List.of("solve_cg", "solve_normal_cg")) {
            LinearSolver s = LinearSolveGolden.linearSolver(name, Map.of("rtol", 1e-12, "maxiter", 50.0), "solve.options");
            assertThat(((Tensor) s.solve(LinearOperators.matrix(a), b).x()).toDoubleArray()).as(name).containsExactly(x, within(1e-10));
        }
        LinearSolver inv = LinearSolveGolden.linearSolver("solve_inv", Map.of("ns", false), "solve.options");
        assertThat(((Tensor) inv.solve(LinearOperators.matrix(a), b).x()).toDoubleArray()).containsExactly(x, within(1e-10));
    }

    @Test
    void linearSolverNamesTheUnknownSolverOptionOrMalformedValue() {
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("linalg.cg", Map.of(), "solve.options"))
                .hasMessageContaining("unknown linear solver string \"linalg.cg\"");
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_cg", Map.of("tol", 1e-3), "solve.options"))
                .hasMessage("solve.options: unknown option tol for solve_cg");
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_inv", Map.of("maxiter", 2.5), "solve.options"))
                .hasMessage("solve.options.maxiter: expected an integer, got number 2.5");
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_inv", Map.of("ns", 1.0), "opts"))
                .hasMessage("opts.ns: expected a boolean, got number 1.0");
    }
}
