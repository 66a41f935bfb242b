package dev.metagrad.nn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReprTest {
    @Test
    void numbersPrintLikePythonFloats() {
        assertThat(Repr.number(1e-5)).isEqualTo("1e-05");
        assertThat(Repr.number(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(Repr.number(0.0005)).isEqualTo("0.0005");
        assertThat(Repr.number(0.1)).isEqualTo("0.1");
        assertThat(Repr.number(1.0)).isEqualTo("1.0");
        assertThat(Repr.number(20)).isEqualTo("20.0");
        assertThat(Repr.number(0.0)).isEqualTo("0.0");
        assertThat(Repr.number(-0.01)).isEqualTo("-0.01");
        assertThat(Repr.number(1e20)).isEqualTo("1e+20");
        assertThat(Repr.number(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void booleansAndPairsPrintLikePython() {
        assertThat(Repr.bool(true)).isEqualTo("True");
        assertThat(Repr.bool(false)).isEqualTo("False");
        assertThat(Repr.pair(new int[] {3, 1})).isEqualTo("(3, 1)");
    }
}
