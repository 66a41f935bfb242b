package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.Tolerance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MismatchTest {
    private static final Tolerance TOL = new Tolerance(0, 1e-6);

    @Test
    void checkReturnsWhenTheComparisonPassed() {
        assertThatCode(() -> Mismatch.check("lrs[0]", TOL.compare(new double[] {1}, new double[] {1}))).doesNotThrowAnyException();
    }

    @Test
    void checkThrowsValuesOutOfToleranceWithTheWorstErrors() {
        Mismatch m = catchThrowableOfType(() -> Mismatch.check("lrs[2]", TOL.compare(new double[] {1.5}, new double[] {1})),
                Mismatch.class);
        assertThat(m.toResult("c", "StepLR").describe()).isEqualTo("FAIL c lrs[2] abs=5.000e-01 rel=5.000e-01");
    }

    @Test
    void checkThrowsAStructureMismatchForADifferentLength() {
        Mismatch m = catchThrowableOfType(() -> Mismatch.check("base_lrs", TOL.compare(new double[] {1}, new double[] {1, 2})),
                Mismatch.class);
        assertThat(m.toResult("c", "StepLR").describe()).isEqualTo("FAIL c base_lrs 1 values != expected 2");
    }
}
