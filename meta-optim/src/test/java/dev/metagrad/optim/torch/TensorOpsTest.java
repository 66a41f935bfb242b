package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TensorOpsTest {
    @Test
    void lerpEvaluatesTorchsTwoBranches() {
        Tensor a = Tensor.of(0.1, 7.0);
        Tensor b = Tensor.of(0.7, -3.0);
        assertThat(TensorOps.lerp(a, b, 0.3).toDoubleArray()).containsExactly(0.1 + 0.3 * (0.7 - 0.1), 7.0 + 0.3 * (-3.0 - 7.0));
        assertThat(TensorOps.lerp(a, b, 0.5).toDoubleArray()).containsExactly(0.7 - (0.7 - 0.1) * 0.5, -3.0 - (-3.0 - 7.0) * 0.5);
        assertThat(TensorOps.lerp(a, b, 1.0).toDoubleArray()).containsExactly(0.7, -3.0);
        assertThat(TensorOps.lerp(a, b, -0.2).toDoubleArray()).containsExactly(0.1 + -0.2 * (0.7 - 0.1), 7.0 + -0.2 * (-3.0 - 7.0));
    }

    @Test
    void addcdivAndAddcmul() {
        Tensor p = Tensor.of(1.0);
        assertThat(TensorOps.addcdiv(p, Tensor.of(3.0), Tensor.of(4.0), -0.5).item()).isEqualTo(1.0 + (-0.5 * 3.0) / 4.0);
        assertThat(TensorOps.addcmul(p, Tensor.of(3.0), Tensor.of(4.0), 0.5).item()).isEqualTo(1.0 + 0.5 * 3.0 * 4.0);
    }
}
