package dev.metagrad.linearsolve.conformance;

import dev.metagrad.conformance.CaseResult;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenDocument;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.LinearOperators;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
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

    /** A = diag(1, 4), b = (1, 1): the solution is (1, 0.25); one plain CG step gives 0.4 (1, 1). */
    private static final LinearOperator DIAG = v -> ((Tensor) v).mul(Tensor.of(1.0, 4.0));
    private static final Tensor ONES = Tensor.of(1.0, 1.0);

    private static double[] solveDiag(String name, Map<String, Object> options) {
        return ((Tensor) LinearSolveGolden.linearSolver(name, options, "solve.options").solve(DIAG, ONES).x()).toDoubleArray();
    }

    @Test
    void linearSolverTakesNullOptionsAndNullValuesAsTorchOptsDefaults() {
        Map<String, Object> nullValues = new HashMap<>();
        for (String key : List.of("ridge", "init", "rtol", "atol", "maxiter", "M")) {
            nullValues.put(key, null);
        }
        for (Map<String, Object> options : Arrays.asList(Map.<String, Object>of(), null, nullValues)) {
            assertThat(solveDiag("solve_cg", options)).as(String.valueOf(options))
                    .containsExactly(new double[] {1.0, 0.25}, within(1e-12));
        }
    }

    @Test
    void linearSolverHonoursEveryCgKeyword() {
        assertThat(solveDiag("solve_cg", Map.of("maxiter", 1))).containsExactly(0.4, 0.4);
        Map<String, Object> m = tensor(List.of(2, 2), List.of(1.0, 0.0, 0.0, 0.25));
        assertThat(solveDiag("solve_cg", Map.of("maxiter", 1, "M", m))).containsExactly(new double[] {1.0, 0.25}, within(1e-15));
        // TorchOpt's maxiter = 0 runs no iteration: the start point comes back
        assertThat(solveDiag("solve_cg", Map.of("maxiter", 0))).containsExactly(0.0, 0.0);
        assertThat(solveDiag("solve_normal_cg", Map.of("maxiter", 0))).containsExactly(0.0, 0.0);
        Map<String, Object> init = tensor(List.of(2), List.of(1.0, 0.25));
        Solution fromInit = LinearSolveGolden.linearSolver("solve_normal_cg", Map.of("init", init), "solve.options")
                .solve(DIAG, ONES);
        assertThat(fromInit.iterations()).isZero();
        // an integer ridge and a float-written maxiter: (A + 1 I) x = b
        assertThat(solveDiag("solve_cg", Map.of("ridge", 1, "maxiter", 2.0, "rtol", 0)))
                .containsExactly(new double[] {0.5, 0.2}, within(1e-14));
        // loose tolerances stop before the solution: atol 10 > ||b|| runs no iteration
        assertThat(solveDiag("solve_cg", Map.of("atol", 10, "rtol", 0))).containsExactly(0.0, 0.0);
    }

    @Test
    void linearSolverHonoursSolveInvRidgeNsMaxiterAndAlpha() {
        // A + 0.5 I = diag(1.5, 4.5); ns with α = 0.2, 2 iterations: x = α Σ_{k=0}^{2} (1 − α a)^k b
        assertThat(solveDiag("solve_inv", Map.of("ridge", 0.5, "ns", true, "maxiter", 2, "alpha", 0.2)))
                .containsExactly(new double[] {0.2 * (1 + 0.7 + 0.49), 0.2 * (1 + 0.1 + 0.01)}, within(1e-15));
        // maxiter 0 leaves the first term of the series, α b
        assertThat(solveDiag("solve_inv", Map.of("ns", true, "maxiter", 0, "alpha", 0.2)))
                .containsExactly(new double[] {0.2, 0.2}, within(1e-15));
        assertThat(solveDiag("solve_inv", Map.of("ridge", 0.5))).containsExactly(new double[] {1 / 1.5, 1 / 4.5}, within(1e-15));
    }

    @Test
    void linearSolverNamesTheUnknownSolverOptionOrMalformedValue() {
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_gmres", Map.of(), "solve.options"))
                .hasMessageContaining("unknown linear solver");
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_inv", Map.of("M", 1), "solve.options"))
                .hasMessage("solve.options: unknown option M for solve_inv");
        assertThatThrownBy(() -> LinearSolveGolden.linearSolver("solve_cg", Map.of("maxiter", -1), "solve.options"))
                .hasMessageContaining("maxIter must be >= 0");
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
