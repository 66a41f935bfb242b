package dev.metagrad.nn.init;

import dev.metagrad.autograd.Generator;
import dev.metagrad.nn.testing.Stats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FanModeTest {
    @Test
    void fanInIsTorchsDefaultAndFanOutDividesByTheOutputFan() {
        assertThat(FanMode.values()).containsExactly(FanMode.FAN_IN, FanMode.FAN_OUT);
        int[] shape = {100, 400}; // fan_in 400, fan_out 100: fan_out gives the wider distribution
        double in = Stats.of(Init.kaimingUniform(shape, 0, FanMode.FAN_IN, Nonlinearity.RELU, new Generator(1))).max();
        double out = Stats.of(Init.kaimingUniform(shape, 0, FanMode.FAN_OUT, Nonlinearity.RELU, new Generator(1))).max();
        assertThat(out / in).isCloseTo(2.0, within(1e-12));
    }
}
