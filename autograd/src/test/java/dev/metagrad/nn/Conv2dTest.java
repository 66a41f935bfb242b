package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Convolution;
import dev.metagrad.nn.testing.Stats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Conv2dTest {
    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanIn() {
        // fan_in = in / groups * kh * kw = 64 / 2 * 3 * 5 = 480
        Conv2d conv = Conv2d.builder(64, 128, 3, 5).groups(2).generator(new Generator(3)).build();
        double bound = 1 / Math.sqrt(480);
        Tensor w = conv.parameter("weight");
        assertThat(w.shape()).containsExactly(128, 32, 3, 5);
        Stats s = Stats.of(w);
        assertThat(s.min()).isGreaterThanOrEqualTo(-bound);
        assertThat(s.max()).isLessThanOrEqualTo(bound);
        assertThat(s.mean()).isCloseTo(0.0, within(0.01 * bound));
        assertThat(s.variance()).isCloseTo(bound * bound / 3, within(0.02 * bound * bound / 3));
        Stats b = Stats.of(conv.parameter("bias"));
        assertThat(b.min()).isGreaterThanOrEqualTo(-bound);
        assertThat(b.max()).isLessThanOrEqualTo(bound);
        assertThat(b.max()).isGreaterThan(0.5 * bound);
    }

    @Test
    void forwardIsFConv2dWithTheSettings() {
        Conv2d conv = Conv2d.builder(4, 6, 3).stride(2, 1).padding(1).dilation(1, 2).groups(2)
                .generator(new Generator(4)).build();
        Tensor x = Tensor.randn(new Generator(5), 2, 4, 7, 8);
        Tensor expected = Convolution.conv2d(x, conv.parameter("weight"), conv.parameter("bias"), new int[] {2, 1},
                new int[] {1, 1}, new int[] {1, 2}, 2);
        assertThat(conv.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        assertThat(conv.forward(x).shape()).containsExactly(expected.shape());
    }

    @Test
    void settingsHaveTorchsDefaults() {
        Conv2d conv = Conv2d.builder(1, 2, 3).generator(new Generator(1)).build();
        assertThat(conv.kernelSize()).containsExactly(3, 3);
        assertThat(conv.stride()).containsExactly(1, 1);
        assertThat(conv.padding()).containsExactly(0, 0);
        assertThat(conv.dilation()).containsExactly(1, 1);
        assertThat(conv.groups()).isEqualTo(1);
        assertThat(conv.hasBias()).isTrue();
        assertThat(conv.inChannels()).isEqualTo(1);
        assertThat(conv.outChannels()).isEqualTo(2);
        assertThat(conv).hasToString("Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))");
    }

    @Test
    void reprShowsNonDefaultSettingsLikeTorch() {
        Conv2d conv = Conv2d.builder(4, 8, 3, 1).stride(2).padding(1, 0).dilation(2).groups(4).bias(false)
                .generator(new Generator(1)).build();
        assertThat(conv).hasToString("Conv2d(4, 8, kernel_size=(3, 1), stride=(2, 2), padding=(1, 0), dilation=(2, 2), "
                + "groups=4, bias=False)");
        assertThat(conv.namedParameters().keySet()).containsExactly("weight");
    }

    @Test
    void theSameSeedGivesTheSameLayer() {
        Tensor a = Conv2d.builder(2, 3, 2).generator(new Generator(8)).build().parameter("weight");
        Tensor b = Conv2d.builder(2, 3, 2).generator(new Generator(8)).build().parameter("weight");
        assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
    }

    @Test
    void badSettingsAreRejected() {
        Generator rng = new Generator(1);
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 3).groups(2).generator(rng).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groups 2 must divide in_channels 3");
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 3).build()).hasMessageContaining("generator");
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 0).generator(rng).build()).hasMessageContaining("kernelSize");
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 3).stride(0).generator(rng).build()).hasMessageContaining("stride");
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 3).padding(-1).generator(rng).build()).hasMessageContaining("padding");
        assertThatThrownBy(() -> Conv2d.builder(3, 4, 1, 2, 3)).hasMessageContaining("kernelSize takes one or two values");
        assertThatThrownBy(() -> Conv2d.builder(0, 4, 3).generator(rng).build()).hasMessageContaining("channels");
    }
}
