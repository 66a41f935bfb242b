package dev.metagrad.nn.init;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NonlinearityTest {
    @Test
    void gainsFollowTorchsTable() {
        assertThat(Nonlinearity.LINEAR.gain()).isEqualTo(1.0);
        assertThat(Nonlinearity.CONV2D.gain()).isEqualTo(1.0);
        assertThat(Nonlinearity.SIGMOID.gain()).isEqualTo(1.0);
        assertThat(Nonlinearity.TANH.gain()).isEqualTo(5.0 / 3);
        assertThat(Nonlinearity.RELU.gain()).isEqualTo(Math.sqrt(2));
        assertThat(Nonlinearity.SELU.gain()).isEqualTo(0.75);
    }

    @Test
    void leakyReluGainDependsOnTheSlope() {
        assertThat(Nonlinearity.LEAKY_RELU.gain()).isCloseTo(Math.sqrt(2 / (1 + 0.01 * 0.01)), within(1e-15));
        assertThat(Nonlinearity.LEAKY_RELU.gain(0)).isEqualTo(Math.sqrt(2));
        // torch's Linear and Conv default, a = sqrt(5): gain sqrt(1/3)
        assertThat(Init.calculateGain(Nonlinearity.LEAKY_RELU, Math.sqrt(5))).isCloseTo(Math.sqrt(1.0 / 3), within(1e-15));
        assertThat(Nonlinearity.RELU.gain(0.3)).as("the slope matters only for leaky ReLU").isEqualTo(Math.sqrt(2));
    }
}
