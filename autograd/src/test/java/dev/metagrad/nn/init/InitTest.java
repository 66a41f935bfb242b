package dev.metagrad.nn.init;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.testing.Stats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InitTest {
    /** A [256, 128, 3, 3] convolution weight: fan_in = 1152, fan_out = 2304, 294912 samples. */
    private static final int[] CONV = {256, 128, 3, 3};
    /** Relative tolerance of a standard deviation estimated from ~3e5 samples: a few percent. */
    private static final double REL = 0.02;

    private static void assertStd(Tensor t, double expected) {
        Stats s = Stats.of(t);
        assertThat(s.mean()).isCloseTo(0.0, within(0.01 * expected));
        assertThat(s.std()).isCloseTo(expected, within(REL * expected));
    }

    @Test
    void fansFollowTorch() {
        assertThat(Init.fanIn(CONV)).isEqualTo(1152);
        assertThat(Init.fanOut(CONV)).isEqualTo(2304);
        assertThat(Init.fanIn(new int[] {300, 400})).isEqualTo(400);
        assertThat(Init.fanOut(new int[] {300, 400})).isEqualTo(300);
        assertThatThrownBy(() -> Init.fanIn(new int[] {5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Init.fanIn: fan in and fan out need a tensor of at least 2 dimensions, got shape [5]");
    }

    @Test
    void uniformHasTheMeanAndVarianceOfUab() {
        Stats s = Stats.of(Init.uniform(new int[] {100_000}, -1, 3, new Generator(1)));
        assertThat(s.min()).isGreaterThanOrEqualTo(-1);
        assertThat(s.max()).isLessThan(3);
        assertThat(s.mean()).isCloseTo(1.0, within(0.02));
        assertThat(s.variance()).isCloseTo(16.0 / 12, within(REL * 16 / 12));
    }

    @Test
    void normalHasTheMeanAndStd() {
        Stats s = Stats.of(Init.normal(new int[] {100_000}, 2, 0.5, new Generator(2)));
        assertThat(s.mean()).isCloseTo(2.0, within(0.01));
        assertThat(s.std()).isCloseTo(0.5, within(REL * 0.5));
    }

    @Test
    void constantsFillTheShape() {
        assertThat(Init.constant(new int[] {2, 3}, 0.5).toDoubleArray()).containsOnly(0.5).hasSize(6);
        assertThat(Init.zeros(new int[] {2}).toDoubleArray()).containsExactly(0, 0);
        assertThat(Init.ones(new int[] {1, 2}).shape()).containsExactly(1, 2);
    }

    @Test
    void xavierUniformHasStdGainTimesSqrtTwoOverFanSum() {
        double std = 5.0 / 3 * Math.sqrt(2.0 / (1152 + 2304));
        Tensor t = Init.xavierUniform(CONV, 5.0 / 3, new Generator(3));
        assertStd(t, std);
        assertThat(Stats.of(t).max()).isLessThanOrEqualTo(Math.sqrt(3) * std);
        assertStd(Init.xavierUniform(CONV, new Generator(3)), Math.sqrt(2.0 / (1152 + 2304)));
    }

    @Test
    void xavierNormalHasStdGainTimesSqrtTwoOverFanSum() {
        assertStd(Init.xavierNormal(CONV, 2.0, new Generator(4)), 2 * Math.sqrt(2.0 / (1152 + 2304)));
        assertStd(Init.xavierNormal(CONV, new Generator(4)), Math.sqrt(2.0 / (1152 + 2304)));
    }

    @Test
    void kaimingUniformDefaultsToReluGainOverFanIn() {
        double std = Math.sqrt(2) / Math.sqrt(1152);
        Tensor t = Init.kaimingUniform(CONV, new Generator(5));
        assertStd(t, std);
        assertThat(Stats.of(t).max()).isLessThanOrEqualTo(Math.sqrt(3) * std);
    }

    @Test
    void kaimingUniformWithTorchsLayerSettingsIsBoundedByOneOverSqrtFanIn() {
        Tensor t = Init.kaimingUniform(CONV, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Generator(6));
        double bound = 1 / Math.sqrt(1152);
        Stats s = Stats.of(t);
        assertThat(s.max()).isLessThanOrEqualTo(bound).isGreaterThan(0.999 * bound);
        assertThat(s.min()).isGreaterThanOrEqualTo(-bound);
        assertThat(s.variance()).isCloseTo(bound * bound / 3, within(REL * bound * bound / 3));
    }

    @Test
    void kaimingNormalUsesTheChosenFanAndNonlinearity() {
        assertStd(Init.kaimingNormal(CONV, new Generator(7)), Math.sqrt(2) / Math.sqrt(1152));
        assertStd(Init.kaimingNormal(CONV, 0, FanMode.FAN_OUT, Nonlinearity.RELU, new Generator(8)),
                Math.sqrt(2) / Math.sqrt(2304));
        assertStd(Init.kaimingNormal(CONV, 0, FanMode.FAN_IN, Nonlinearity.TANH, new Generator(9)),
                5.0 / 3 / Math.sqrt(1152));
        assertStd(Init.kaimingNormal(CONV, 0.2, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Generator(10)),
                Math.sqrt(2 / 1.04) / Math.sqrt(1152));
    }

    @Test
    void theSameSeedGivesTheSameTensorAndResultsAreFreshLeaves() {
        Tensor a = Init.kaimingUniform(new int[] {4, 3}, new Generator(11));
        Tensor b = Init.kaimingUniform(new int[] {4, 3}, new Generator(11));
        assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
        assertThat(a).isNotSameAs(b);
        assertThat(a.isLeaf()).isTrue();
        assertThat(a.requiresGrad()).isFalse();
    }

    @Test
    void emptyTensorsStayEmpty() {
        assertThat(Init.kaimingUniform(new int[] {3, 0}, new Generator(1)).numel()).isZero();
        assertThat(Init.xavierNormal(new int[] {0, 0}, new Generator(1)).numel()).isZero();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Init.uniform(new int[] {2}, 1, 0, new Generator(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Init.uniform").hasMessageContaining("low 1.0, high 0.0");
        assertThatThrownBy(() -> Init.normal(new int[] {2}, 0, -1, new Generator(1))).hasMessageContaining("std >= 0");
        assertThatThrownBy(() -> Init.xavierUniform(new int[] {3}, new Generator(1))).hasMessageContaining("Init.xavierUniform");
        assertThatThrownBy(() -> Init.kaimingNormal(new int[] {3}, new Generator(1))).hasMessageContaining("Init.kaimingNormal");
        assertThatThrownBy(() -> Init.zeros(new int[] {-1})).hasMessageContaining("negative dimension");
    }
}
