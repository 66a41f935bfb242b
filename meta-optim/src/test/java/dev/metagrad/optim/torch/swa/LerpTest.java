package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LerpTest {
    @Test
    void smallWeightsStartFromTheFirstEndAndLargeOnesFromTheSecond() {
        Tensor a = Tensor.of(1e10, 2);
        Tensor b = Tensor.of(1e-10, 6);
        // w = 0: exactly a; w = 1: exactly b (a + 1 * (b - a) would give 0 for the first element)
        assertThat(Lerp.lerp(a, b, 0).toDoubleArray()).containsExactly(1e10, 2);
        assertThat(Lerp.lerp(a, b, 1).toDoubleArray()).containsExactly(1e-10, 6);
        assertThat(Lerp.lerp(Tensor.of(2), Tensor.of(6), 0.25).item()).isEqualTo(3);
        assertThat(Lerp.lerp(Tensor.of(2), Tensor.of(6), 0.75).item()).isEqualTo(5);
    }
}
