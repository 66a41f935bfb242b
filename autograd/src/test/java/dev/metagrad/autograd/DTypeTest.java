package dev.metagrad.autograd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DTypeTest {
    @Test
    void namesAreTorchs() {
        assertThat(DType.FLOAT64.torchName()).isEqualTo("float64");
        assertThat(DType.FLOAT32).hasToString("float32");
        assertThat(DType.INT64).hasToString("int64");
        assertThat(DType.BOOL).hasToString("bool");
    }

    @Test
    void onlyFloatTypesAreFloatingPoint() {
        assertThat(DType.FLOAT64.isFloatingPoint()).isTrue();
        assertThat(DType.FLOAT32.isFloatingPoint()).isTrue();
        assertThat(DType.INT64.isFloatingPoint()).isFalse();
        assertThat(DType.BOOL.isFloatingPoint()).isFalse();
    }
}
