package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KrylovSetupTest {
    private static final LinearOperator A = LinearOperators.matrix(Tensor.of(new double[][] {{2, 1}, {0, 3}}));

    @Test
    void fromZeroTheResidualIsBAndAIsNotAppliedYet() {
        Tensor b = Tensor.of(1.0, 2.0);
        KrylovSetup s = KrylovSetup.of("t", A, b, 0.0, 0.5, 0.0, OptionalInt.empty(), null);
        assertThat(((Tensor) s.start().x()).toDoubleArray()).containsExactly(0, 0);
        assertThat(s.start().r()).isSameAs(b);
        assertThat(s.start().checked()).isFalse();
        assertThat(s.stop().atol2()).isEqualTo(0.25 * 5);
        assertThat(s.stop().maxIter()).isEqualTo(20);
        assertThat(s.flatB().leaves()).hasSize(1);
    }

    @Test
    void theRidgeShiftsTheOperatorAndTheStartResidualUsesIt() {
        KrylovSetup s = KrylovSetup.of("t", A, Tensor.of(1.0, 2.0), 1.0, 1e-5, 0.0, OptionalInt.of(7), Tensor.of(1.0, 1.0));
        // (A + I) [1, 1] = [4, 4], so r0 = [1, 2] - [4, 4]
        assertThat(((Tensor) s.a().apply(Tensor.of(1.0, 1.0))).toDoubleArray()).containsExactly(4, 4);
        assertThat(((Tensor) s.start().r()).toDoubleArray()).containsExactly(-3, -2);
        assertThat(s.start().checked()).isTrue();
        assertThat(s.stop().maxIter()).isEqualTo(7);
    }

    @Test
    void badArgumentsAreNamedInThisOrder() {
        assertThatThrownBy(() -> KrylovSetup.of("solveX", null, null, 0, 0, 0, OptionalInt.empty(), null))
                .hasMessage("solveX: the operator A is null");
        assertThatThrownBy(() -> KrylovSetup.of("solveX", A, null, 0, 0, 0, OptionalInt.empty(), null))
                .hasMessageContaining("solveX: b is null");
        assertThatThrownBy(() -> KrylovSetup.of("solveX", A, Tensor.of(1.0, 2.0), Double.NaN, 0, 0, OptionalInt.empty(), null))
                .hasMessageContaining("ridge must be finite");
        assertThatThrownBy(() -> KrylovSetup.of("solveX", A, Tensor.of(1.0, 2.0), 0, 0, 0, OptionalInt.empty(), Tensor.of(1.0)))
                .hasMessageContaining("solveX: init has shape");
    }
}
