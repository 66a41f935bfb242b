package dev.metagrad.implicit.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.linearsolve.LinearOperator;
import dev.metagrad.linearsolve.LinearSolver;
import dev.metagrad.linearsolve.Solution;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** How the {@code solve} field of a golden implicit case maps onto this project's solvers. */
class GoldenLinearSolversTest {
    /** A = diag(1, 4), b = (1, 1): one plain CG step gives 0.4 (1, 1). */
    private static final LinearOperator A = v -> ((Tensor) v).mul(Tensor.of(1.0, 4.0));
    private static final Tensor B = Tensor.of(1.0, 1.0);

    private static double[] solve(Map<String, Object> spec) {
        return ((Tensor) GoldenLinearSolvers.of(spec).solve(A, B).x()).toDoubleArray();
    }

    @Test
    void nullSolveKeepsTheDefault() {
        assertThat(GoldenLinearSolvers.of(null)).isNull();
    }

    @Test
    void absentOrNullOptionsAndNullValuesAreTorchOptsDefaults() {
        Map<String, Object> nullOptions = new HashMap<>();
        nullOptions.put("name", "solve_cg");
        nullOptions.put("options", null);
        Map<String, Object> nullValues = new HashMap<>();
        for (String key : List.of("ridge", "init", "rtol", "atol", "maxiter", "M")) {
            nullValues.put(key, null);
        }
        List<Map<String, Object>> specs = List.of(Map.of("name", "solve_cg"), nullOptions,
                Map.of("name", "solve_cg", "options", nullValues));
        for (Map<String, Object> spec : specs) {
            assertThat(solve(spec)).containsExactly(new double[] {1.0, 0.25}, within(1e-12));
        }
    }

    @Test
    void everyCgKeywordIsHonoured() {
        assertThat(solve(Map.of("name", "solve_cg", "options", Map.of("maxiter", 1)))).containsExactly(0.4, 0.4);
        Map<String, Object> m = Map.of("shape", List.of(2, 2), "data", List.of(1.0, 0.0, 0.0, 0.25));
        assertThat(solve(Map.of("name", "solve_cg", "options", Map.of("maxiter", 1, "M", m))))
                .containsExactly(new double[] {1.0, 0.25}, within(1e-15));
        assertThat(solve(Map.of("name", "solve_cg", "options", Map.of("maxiter", 0)))).containsExactly(0.0, 0.0);
        Map<String, Object> init = Map.of("shape", List.of(2), "data", List.of(1.0, 0.25));
        Solution fromInit = GoldenLinearSolvers.of(Map.of("name", "solve_normal_cg", "options", Map.of("init", init)))
                .solve(A, B);
        assertThat(fromInit.iterations()).isZero();
        // an integer ridge and a float-written maxiter: (A + 1 I) x = b
        assertThat(solve(Map.of("name", "solve_cg", "options", Map.of("ridge", 1, "maxiter", 2.0, "rtol", 0))))
                .containsExactly(new double[] {0.5, 0.2}, within(1e-14));
        // loose tolerances stop before the solution: atol 10 > ||b|| runs no iteration
        assertThat(solve(Map.of("name", "solve_cg", "options", Map.of("atol", 10, "rtol", 0)))).containsExactly(0.0, 0.0);
    }

    @Test
    void solveInvHonoursRidgeNsMaxiterAndAlpha() {
        // A + 0.5 I = diag(1.5, 4.5); ns with α = 0.2, 2 iterations: x = α Σ_{k=0}^{2} (1 − α a)^k b
        double[] x = solve(Map.of("name", "solve_inv", "options", Map.of("ridge", 0.5, "ns", true, "maxiter", 2, "alpha", 0.2)));
        assertThat(x).containsExactly(new double[] {0.2 * (1 + 0.7 + 0.49), 0.2 * (1 + 0.1 + 0.01)}, within(1e-15));
        assertThat(solve(Map.of("name", "solve_inv", "options", Map.of("ridge", 0.5))))
                .containsExactly(new double[] {1 / 1.5, 1 / 4.5}, within(1e-15));
    }

    @Test
    void unknownNamesOptionsAndMistypedValuesAreErrors() {
        assertThatThrownBy(() -> GoldenLinearSolvers.of(Map.of("name", "solve_gmres")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown linear solver");
        assertThatThrownBy(() -> GoldenLinearSolvers.of(Map.of("name", "solve_inv", "options", Map.of("M", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option M for solve_inv");
        assertThatThrownBy(() -> GoldenLinearSolvers.of(Map.of("name", "solve_inv", "options", Map.of("ns", "yes"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ns: expected a boolean");
        assertThatThrownBy(() -> GoldenLinearSolvers.of(Map.of("name", "solve_cg", "options", Map.of("maxiter", 2.5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxiter: expected an integer");
    }
}
