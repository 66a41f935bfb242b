package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.DType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuStorageTest {
    @Test
    void ofComputedConvertsToEachDtype() {
        double[] d = {1.9, -1.9, 0, 0.1};
        assertThat(CpuStorage.ofComputed(d, DType.FLOAT64).doubles()).isSameAs(d);
        assertThat(CpuStorage.ofComputed(d, DType.FLOAT32).doubles()).containsExactly(1.9f, -1.9f, 0f, 0.1f);
        assertThat(CpuStorage.ofComputed(d, DType.INT64).longs()).containsExactly(1, -1, 0, 0);
        assertThat(CpuStorage.ofComputed(d, DType.BOOL).doubles()).containsExactly(1, 1, 0, 1);
    }

    @Test
    void describesItself() {
        CpuStorage s = CpuStorage.ofLongs(new long[] {4, 5, 6});
        assertThat(s.dtype()).isEqualTo(DType.INT64);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.backend()).isSameAs(CpuBackend.INSTANCE);
        assertThat(s.device().toString()).isEqualTo("cpu");
        assertThat(s.doubles()).containsExactly(4, 5, 6);
        assertThat(s.longs()).isSameAs(s.i64);
    }

    @Test
    void longsTruncateFloatingValuesTowardZero() {
        assertThat(CpuStorage.ofFloats(new float[] {2.7f, -2.7f}).longs()).containsExactly(2, -2);
        assertThat(CpuStorage.ofBooleans(new boolean[] {true, false}).longs()).containsExactly(1, 0);
    }
}
