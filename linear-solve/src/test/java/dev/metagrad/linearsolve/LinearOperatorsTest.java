package dev.metagrad.linearsolve;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearOperatorsTest {
    private static final Tensor A = Tensor.of(new double[][] {{1, 2}, {3, 4}});

    @Test
    void matrixOperatorMultiplies() {
        assertThat(((Tensor) LinearOperators.matrix(A).apply(Tensor.of(1, 1))).toDoubleArray()).containsExactly(3, 7);
        assertThat(((Tensor) LinearOperators.matrix(Tensor.scalar(3.0)).apply(Tensor.scalar(2.0))).item()).isEqualTo(6.0);
    }

    @Test
    void ridgeAddsAMultipleOfTheInput() {
        LinearOperator r = LinearOperators.withRidge(LinearOperators.matrix(A), 0.5);
        assertThat(((Tensor) r.apply(Tensor.of(1, 1))).toDoubleArray()).containsExactly(3.5, 7.5);
        LinearOperator same = LinearOperators.matrix(A);
        assertThat(LinearOperators.withRidge(same, 0.0)).isSameAs(same);
    }

    @Test
    void transposeIsTheVectorJacobianProduct() {
        LinearOperator at = LinearOperators.transpose(LinearOperators.matrix(A), Tensor.zeros(2));
        // Aᵀ (1, 0) = (1, 2), Aᵀ (0, 1) = (3, 4): the graph is reused across calls
        assertThat(((Tensor) at.apply(Tensor.of(1, 0))).toDoubleArray()).containsExactly(1, 2);
        assertThat(((Tensor) at.apply(Tensor.of(0, 1))).toDoubleArray()).containsExactly(3, 4);
    }

    @Test
    void transposeWorksOnTreesAndUnderNoGrad() {
        Tensor m = Systems.randomGeneral(71, 5);
        LinearOperator at;
        Map<?, ?> y;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            at = LinearOperators.transpose(Systems.blockOperator(m), Systems.split(Tensor.zeros(5)));
            y = (Map<?, ?>) at.apply(Systems.split(Tensor.of(1, 2, 3, 4, 5)));
        }
        double[] expected = m.t().matmul(Tensor.of(1, 2, 3, 4, 5)).toDoubleArray();
        assertThat(((Tensor) y.get("u")).toDoubleArray()).containsExactly(new double[] {expected[0], expected[1]}, within(1e-14));
        assertThat(((Tensor) y.get("v")).toDoubleArray())
                .containsExactly(new double[] {expected[2], expected[3], expected[4]}, within(1e-14));
    }

    static Stream<Arguments> disconnectedOperators() {
        Tensor theta = Tensor.of(2.0, 3.0).requiresGrad(true);
        return Stream.of(
            Arguments.of("a constant", (LinearOperator) v -> Tensor.zeros(2)),
            Arguments.of("computed under noGrad", (LinearOperator) v -> {
                try (GradMode.Scope scope = GradMode.noGrad()) {
                    return A.matmul((Tensor) v);
                }
            }),
            Arguments.of("computed on a detached input", (LinearOperator) v -> A.matmul(((Tensor) v).detach())),
            Arguments.of("computed from plain arrays", (LinearOperator) v -> {
                double[] x = ((Tensor) v).toDoubleArray();
                return Tensor.of(x[0] + 2 * x[1], 3 * x[0] + 4 * x[1]);
            }),
            // its output requires grad, through what it closes over, but not through its input
            Arguments.of("differentiable in a parameter only", (LinearOperator) v -> theta.mul(((Tensor) v).detach())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disconnectedOperators")
    void transposeRefusesAnOperatorWhoseOutputIsNotConnectedToItsInput(String name, LinearOperator a) {
        assertThatThrownBy(() -> LinearOperators.transpose(a, Tensor.zeros(2)).apply(Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output is not connected to its input")
                .hasMessageContaining("differentiable tensor ops");
        assertThatThrownBy(() -> LinearSolve.solveNormalCg().solve(a, Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output is not connected to its input");
    }

    @Test
    void transposeOfALinearOperatorThatIgnoresPartOfItsInput() {
        // A {u, v} = {2u, constant 0}: the v input is unused (zero in Aᵀ), the v output adds nothing
        LinearOperator a = x -> {
            Map<?, ?> t = (Map<?, ?>) x;
            return Systems.tree(((Tensor) t.get("u")).mul(2.0), Tensor.zeros(3));
        };
        LinearOperator at = LinearOperators.transpose(a, Systems.split(Tensor.zeros(5)));
        Map<?, ?> y = (Map<?, ?>) at.apply(Systems.split(Tensor.of(1, 2, 3, 4, 5)));
        assertThat(((Tensor) y.get("u")).toDoubleArray()).containsExactly(2, 4);
        assertThat(((Tensor) y.get("v")).toDoubleArray()).containsExactly(0, 0, 0);
        // a matrix with a zero column ignores part of a single input
        LinearOperator b = LinearOperators.matrix(Tensor.of(new double[][] {{1, 0}, {3, 0}}));
        assertThat(((Tensor) LinearOperators.transpose(b, Tensor.zeros(2)).apply(Tensor.of(1, 1))).toDoubleArray())
                .containsExactly(4, 0);
        // the zero operator written with tensor ops is connected, and transposes to zero
        LinearOperator zero = v -> ((Tensor) v).mul(0.0);
        assertThat(((Tensor) LinearOperators.transpose(zero, Tensor.zeros(2)).apply(Tensor.of(1, 1))).toDoubleArray())
                .containsExactly(0, 0);
    }

    @Test
    void transposeAndNormalAreDifferentiableInTheMatrixAndTheVector() {
        Tensor a = Systems.randomGeneral(72, 3).requiresGrad(true);
        Tensor y = Systems.randomVector(73, 3).requiresGrad(true);
        assertThat(GradCheck.gradgradcheck(in -> (Tensor) LinearOperators.transpose(LinearOperators.matrix(in[0]), in[1]).apply(in[1]),
                a, y)).isTrue();
        assertThat(GradCheck.gradcheck(in -> (Tensor) LinearOperators.normal(LinearOperators.matrix(in[0]), in[1]).apply(in[1]),
                a, y)).isTrue();
    }

    @Test
    void normalIsATransposeA() {
        Tensor y = (Tensor) LinearOperators.normal(LinearOperators.matrix(A), Tensor.zeros(2)).apply(Tensor.of(1, 0));
        // AᵀA = [[10, 14], [14, 20]]
        assertThat(y.toDoubleArray()).containsExactly(10, 14);
    }

    @Test
    void rejectsWhatIsNotASquareOperator() {
        assertThatThrownBy(() -> LinearOperators.matrix(Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square matrix [n, n] or 0-dim, got shape [2, 3]");
        assertThatThrownBy(() -> LinearOperators.matrix(A).apply(Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot act on a vector of shape [3]");
        assertThatThrownBy(() -> LinearOperators.transpose(v -> Tensor.zeros(3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A x has shape [3] but b has shape [2]");
        assertThatThrownBy(() -> LinearOperators.withRidge(LinearOperators.matrix(A), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ridge must be finite");
    }
}
