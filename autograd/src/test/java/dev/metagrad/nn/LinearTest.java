package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.LinearAlgebra;
import dev.metagrad.nn.testing.Stats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearTest {
    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanIn() {
        Linear layer = new Linear(400, 300, new Generator(42));
        double bound = 1 / Math.sqrt(400);
        Tensor w = layer.parameter("weight");
        assertThat(w.shape()).containsExactly(300, 400);
        Stats s = Stats.of(w);
        assertThat(s.min()).isGreaterThanOrEqualTo(-bound);
        assertThat(s.max()).isLessThanOrEqualTo(bound);
        // U(-b, b): mean 0, variance b^2 / 3; 120000 samples
        assertThat(s.mean()).isCloseTo(0.0, within(5e-4));
        assertThat(s.variance()).isCloseTo(bound * bound / 3, within(0.02 * bound * bound / 3));
        assertThat(s.max()).isGreaterThan(0.99 * bound);
        assertThat(s.min()).isLessThan(-0.99 * bound);
    }

    @Test
    void defaultBiasIsUniformWithinOneOverSqrtFanIn() {
        Linear layer = new Linear(400, 300, new Generator(42));
        double bound = 1 / Math.sqrt(400);
        Stats s = Stats.of(layer.parameter("bias"));
        assertThat(layer.parameter("bias").shape()).containsExactly(300);
        assertThat(s.min()).isGreaterThanOrEqualTo(-bound);
        assertThat(s.max()).isLessThanOrEqualTo(bound);
        assertThat(s.variance()).isCloseTo(bound * bound / 3, within(0.2 * bound * bound / 3));
    }

    @Test
    void theSameSeedGivesTheSameLayer() {
        Linear a = new Linear(5, 3, new Generator(9));
        Linear b = new Linear(5, 3, new Generator(9));
        Linear c = new Linear(5, 3, new Generator(10));
        assertThat(a.parameter("weight").toDoubleArray()).containsExactly(b.parameter("weight").toDoubleArray());
        assertThat(a.parameter("bias").toDoubleArray()).containsExactly(b.parameter("bias").toDoubleArray());
        assertThat(a.parameter("weight").toDoubleArray()).isNotEqualTo(c.parameter("weight").toDoubleArray());
    }

    @Test
    void forwardIsFLinear() {
        Linear layer = new Linear(3, 2, new Generator(1));
        Tensor x = Tensor.randn(new Generator(2), 4, 3);
        Tensor expected = LinearAlgebra.linear(x, layer.parameter("weight"), layer.parameter("bias"));
        assertThat(layer.forward(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        assertThat(layer.forward(x).shape()).containsExactly(4, 2);
    }

    @Test
    void withoutBiasThereIsOnlyAWeight() {
        Linear layer = new Linear(3, 2, false, new Generator(1));
        assertThat(layer.namedParameters().keySet()).containsExactly("weight");
        assertThat(layer.hasBias()).isFalse();
        Tensor x = Tensor.randn(new Generator(2), 3);
        assertThat(layer.forward(x).toDoubleArray())
                .containsExactly(LinearAlgebra.linear(x, layer.parameter("weight"), null).toDoubleArray());
    }

    @Test
    void zeroInputFeaturesGiveZeroBias() {
        Linear layer = new Linear(0, 2, new Generator(1));
        assertThat(layer.parameter("weight").shape()).containsExactly(2, 0);
        assertThat(layer.parameter("bias").toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void accessorsAndRepr() {
        Linear layer = new Linear(3, 2, new Generator(1));
        assertThat(layer.inFeatures()).isEqualTo(3);
        assertThat(layer.outFeatures()).isEqualTo(2);
        assertThat(layer).hasToString("Linear(in_features=3, out_features=2, bias=True)");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> new Linear(-1, 2, new Generator(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in_features -1");
        assertThatThrownBy(() -> new Linear(1, 2, null)).hasMessageContaining("no generator");
        Linear layer = new Linear(3, 2, new Generator(1));
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(4, 2))).hasMessageContaining("does not end in 3");
    }
}
