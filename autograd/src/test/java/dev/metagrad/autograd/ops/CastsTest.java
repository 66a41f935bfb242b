package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CastsTest {
    @Test
    void float64ToFloat32RoundsToTheNearestFloat() {
        Tensor y = Casts.to(Tensor.of(0.1, 1e-50, 3.0, 16777217.0), DType.FLOAT32);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.toDoubleArray()).containsExactly((double) 0.1f, 0.0, 3.0, 16777216.0);
    }

    @Test
    void float32ToFloat64IsExact() {
        Tensor y = Casts.to(Tensor.ofFloats(new float[] {0.1f, -2.5f}, 2), DType.FLOAT64);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(y.toDoubleArray()).containsExactly((double) 0.1f, -2.5);
    }

    @Test
    void castToTheSameDtypeReturnsTheTensorItself() {
        Tensor x = Tensor.of(1, 2);
        assertThat(Casts.to(x, DType.FLOAT64)).isSameAs(x);
        assertThat(x.to(DType.FLOAT64)).isSameAs(x);
    }

    @Test
    void gradientFlowsBackThroughAFloatCastInTheSourceDtype() {
        Tensor x = Tensor.of(0.5, -1.5).requiresGrad(true);
        Tensor y = Casts.to(x, DType.FLOAT32);
        assertThat(y.requiresGrad()).isTrue();
        Tensor loss = Reductions.sum(Arithmetic.mul(y, Tensor.ofFloats(new float[] {2f, 3f}, 2)));
        assertThat(loss.dtype()).isEqualTo(DType.FLOAT32);
        Tensor[] g = Autograd.grad(loss, x);
        assertThat(g[0].dtype()).isEqualTo(DType.FLOAT64);
        assertThat(g[0].toDoubleArray()).containsExactly(2, 3);
    }

    @Test
    void secondDerivativeFlowsThroughARoundTripCast() {
        Tensor x = Tensor.of(1.5).requiresGrad(true);
        Tensor y = Casts.to(Arithmetic.pow(Casts.to(x, DType.FLOAT32), 3), DType.FLOAT64);
        Tensor[] g = Autograd.gradOf(y.sum()).inputs(x).createGraph(true).compute();
        assertThat(g[0].item()).isEqualTo(3 * 1.5 * 1.5);
        assertThat(Autograd.grad(g[0].sum(), x)[0].item()).isEqualTo(6 * 1.5);
    }

    @Test
    void castToInt64TruncatesAndEndsTheGraph() {
        Tensor x = Tensor.of(1.9, -1.9, 0.2).requiresGrad(true);
        Tensor y = Casts.to(x, DType.INT64);
        assertThat(y.dtype()).isEqualTo(DType.INT64);
        assertThat(y.toLongArray()).containsExactly(1, -1, 0);
        assertThat(y.requiresGrad()).isFalse();
    }

    @Test
    void castToBoolMarksNonZeros() {
        Tensor y = Casts.to(Tensor.of(0, 2, -0.5), DType.BOOL);
        assertThat(y.dtype()).isEqualTo(DType.BOOL);
        assertThat(y.toDoubleArray()).containsExactly(0, 1, 1);
        assertThat(Casts.to(y, DType.FLOAT32).toFloatArray()).containsExactly(0f, 1f, 1f);
    }

    @Test
    void castFromInt64ToFloatDoesNotRequireGrad() {
        Tensor y = Casts.to(Tensor.ofLongs(new long[] {3, -4}, 2), DType.FLOAT64);
        assertThat(y.toDoubleArray()).containsExactly(3, -4);
        assertThat(y.requiresGrad()).isFalse();
    }

    @Test
    void toTheSameDeviceIsTheTensorItself() {
        Tensor x = Tensor.of(1.0, 2.0);
        assertThat(Casts.to(x, Device.CPU)).isSameAs(x);
    }

    @Test
    void toADeviceWithoutABackendNamesTheDevice() {
        assertThatThrownBy(() -> Casts.to(Tensor.of(1.0), Device.cuda(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cuda:0")
                .hasMessageContaining("metagrad-native");
    }
}
