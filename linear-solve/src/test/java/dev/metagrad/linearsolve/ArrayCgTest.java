package dev.metagrad.linearsolve;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CG under {@code noGrad} runs on arrays; it must return bit-for-bit what the tensor-op loop returns with grad
 * mode on (where nothing here requires grad, so that loop records nothing either and only the path differs).
 */
class ArrayCgTest {

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 3, 20, 57})
    void noGradSolveIsBitIdenticalToTheTensorLoop(int n) {
        Tensor a = Systems.randomSpd(10 + n, n);
        Tensor b = Systems.randomVector(20 + n, n);
        for (CgOptions options : new CgOptions[] {CgOptions.defaults().withRtol(1e-12), CgOptions.defaults().withMaxIter(2),
            CgOptions.defaults().withX0(Systems.randomVector(30 + n, n)).withRtol(1e-10)}) {
            assertSameSolution(() -> Cg.cg(LinearOperators.matrix(a), b, options));
        }
    }

    @Test
    void treesAndScalarsAreBitIdentical() {
        Tensor m = Systems.randomSpd(5, 5);
        Map<String, Tensor> b = Systems.split(m.matmul(Tensor.of(1, -1, 0.5, 2, -3)));
        assertSameSolution(() -> Cg.cg(Systems.blockOperator(m), b, CgOptions.defaults().withRtol(1e-12)));
        assertSameSolution(() -> Cg.cg(v -> ((Tensor) v).mul(2.5), Tensor.scalar(3.0), CgOptions.defaults()));
    }

    @Test
    void appliesOnlyWithoutGradModePreconditionerOrFloat32() {
        Tensor b = Tensor.of(1, 2);
        assertThat(ArrayCg.applies(Trees.flatten(b), null)).isFalse();
        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertThat(ArrayCg.applies(Trees.flatten(b), null)).isTrue();
            assertThat(ArrayCg.applies(Trees.flatten(b), r -> r)).isFalse();
            assertThat(ArrayCg.applies(Trees.flatten(Tensor.of(new double[] {1, 2}, DType.FLOAT32, 2)), null)).isFalse();
        }
    }

    @Test
    void theOperatorsArgumentsAreNotChangedAfterTheCall() {
        Tensor a = Systems.randomSpd(7, 6);
        List<Tensor> seen = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        LinearOperator op = v -> {
            seen.add((Tensor) v);
            values.add(((Tensor) v).toDoubleArray());
            return a.matmul((Tensor) v);
        };
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Cg.cg(op, Systems.randomVector(8, 6), CgOptions.defaults().withRtol(1e-12));
        }
        assertThat(seen).hasSizeGreaterThan(1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).toDoubleArray()).containsExactly(values.get(i));
        }
    }

    @Test
    void badOperatorsFailAsInTheTensorLoop() {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertThatThrownBy(() -> Cg.cg(v -> Tensor.of(1, 2), Tensor.of(1, 2, 3), CgOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("A x has shape [2] but b has shape [3]");
            assertThatThrownBy(() -> Cg.cg(v -> ((Tensor) v).mul(0.0), Tensor.of(1, 2), CgOptions.defaults()))
                    .isInstanceOf(ArithmeticException.class).hasMessageContaining("not positive definite");
            // right shape at first, wrong later: named, not an index error
            int[] calls = {0};
            LinearOperator drifting = v -> calls[0]++ == 0 ? ((Tensor) v).mul(Tensor.of(1, 2, 3, 4)) : Tensor.of(1.0);
            assertThatThrownBy(() -> Cg.cg(drifting, Systems.randomVector(3, 4), CgOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A x has shape [1]");
        }
    }

    private static void assertSameSolution(Supplier<Solution> solve) {
        Solution recorded = solve.get();
        Solution arrays;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            arrays = solve.get();
        }
        assertThat(arrays.iterations()).isEqualTo(recorded.iterations());
        assertThat(arrays.converged()).isEqualTo(recorded.converged());
        assertThat(arrays.residualNorm()).isEqualTo(recorded.residualNorm());
        assertThat(Trees.flatten(arrays.x()).def()).isEqualTo(Trees.flatten(recorded.x()).def());
        List<Tensor> got = Trees.leaves(arrays.x());
        List<Tensor> want = Trees.leaves(recorded.x());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).shape()).containsExactly(want.get(i).shape());
            assertThat(got.get(i).dtype()).isEqualTo(want.get(i).dtype());
            assertThat(got.get(i).toDoubleArray()).containsExactly(want.get(i).toDoubleArray());
        }
    }
}
