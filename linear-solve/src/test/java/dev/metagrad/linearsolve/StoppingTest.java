package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class StoppingTest {
    @Test
    void defaultLimitIsTenTimesTheSumOfTheDimensions() {
        assertThat(Stopping.defaultMaxIter(Trees.flatten(Tensor.zeros(6)))).isEqualTo(60);
        // TorchOpt's quirk: the sum of the dims, not their product
        assertThat(Stopping.defaultMaxIter(Trees.flatten(Tensor.zeros(2, 3)))).isEqualTo(50);
        assertThat(Stopping.defaultMaxIter(Trees.flatten(List.of(Tensor.zeros(2), Tensor.zeros(3))))).isEqualTo(50);
    }

    @Test
    void aScalarCountsOneSoItStillIterates() {
        assertThat(Stopping.defaultMaxIter(Trees.flatten(Tensor.scalar(1.0)))).isEqualTo(10);
    }

    @Test
    void thresholdIsTheLargerOfRelativeAndAbsolute() {
        Tensor b = Tensor.of(3, 4);
        Stopping relative = Stopping.of(b, Trees.flatten(b), 1e-2, 1e-3, OptionalInt.empty());
        assertThat(relative.atol2()).isEqualTo(1e-4 * 25);
        Stopping absolute = Stopping.of(b, Trees.flatten(b), 1e-5, 0.1, OptionalInt.of(7));
        assertThat(absolute.atol2()).isEqualTo(0.1 * 0.1);
        assertThat(absolute.maxIter()).isEqualTo(7);
        assertThat(absolute.met(0.01)).isTrue();
        assertThat(absolute.met(0.0101)).isFalse();
    }
}
