package dev.metagrad.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseResultTest {
    private static final Tolerance TIGHT = new Tolerance(0, 1e-3);

    @Test
    void failureOfAPassingComparisonIsNull() {
        assertThat(CaseResult.failureOf("c1", "op", "x", TIGHT.compare(new double[] {1, 2}, new double[] {1, 2}))).isNull();
    }

    @Test
    void failureOfValuesOutOfToleranceIsAMismatchWithTheWorstErrors() {
        CaseResult r = CaseResult.failureOf("c1", "op", "x", TIGHT.compare(new double[] {1, 2.5}, new double[] {1, 2}));
        assertThat(r.passed()).isFalse();
        assertThat(r.field()).isEqualTo("x");
        assertThat(r.message()).isNull();
        assertThat(r.worstAbs()).isEqualTo(0.5);
        assertThat(r.worstRel()).isEqualTo(0.25);
        assertThat(r.describe()).isEqualTo("FAIL c1 x abs=5.000e-01 rel=2.500e-01");
    }

    @Test
    void failureOfAShapeProblemIsMalformedWithTheProblem() {
        CaseResult r = CaseResult.failureOf("c1", "op", "grads[0]", TIGHT.compare(new double[] {1}, new double[] {1, 2}));
        assertThat(r.passed()).isFalse();
        assertThat(r.describe()).isEqualTo("FAIL c1 grads[0] 1 values != expected 2");
    }
}
