package dev.metagrad.linearsolve;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {
    @Test
    void aResidualThatIsNoLongerFiniteStopsTheSolveNamingTheCause() {
        assertThatCode(() -> Checks.finiteResidual("solveX", 1e300, 3, "never")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.finiteResidual("solveX", Double.NaN, 3, "A returned non-finite values"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("solveX: the residual became NaN after 3 iterations; A returned non-finite values");
        assertThatThrownBy(() -> Checks.finiteResidual("cg", Double.POSITIVE_INFINITY, 0, "p·Ap = 0"))
                .hasMessage("cg: the residual became Infinity after 0 iterations; p·Ap = 0");
    }

    @Test
    void settingsChecksNameTheSettingAndValue() {
        assertThatThrownBy(() -> Checks.tolerance("CgOptions", "rtol", -1))
                .hasMessage("CgOptions: rtol must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> Checks.finite("SolverOptions", "ridge", Double.NaN))
                .hasMessage("SolverOptions: ridge must be finite, got NaN");
        assertThatThrownBy(() -> Checks.positive("GmresOptions", "restart", 0))
                .hasMessage("GmresOptions: restart must be positive, got 0");
    }

    @Test
    void leavesMustBeFiniteFloatsOfOneDtype() {
        assertThatThrownBy(() -> Checks.finiteLeaves("cg", "b", List.of(Tensor.of(1.0, Double.NaN))))
                .hasMessage("cg: b contains NaN; the solvers need finite values");
        assertThatThrownBy(() -> Checks.finiteLeaves("cg", "b", List.of(Tensor.of(1.0), Tensor.of(1.0).to(DType.FLOAT32))))
                .hasMessageContaining("cg: b mixes float64 and float32 leaves");
    }
}
