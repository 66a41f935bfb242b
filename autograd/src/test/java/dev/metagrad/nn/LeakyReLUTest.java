package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeakyReLUTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new LeakyReLU().forward(X).toDoubleArray()).containsExactly(Activations.leakyRelu(X, 0.01).toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new LeakyReLU().namedParameters()).isEmpty();
        assertThat(new LeakyReLU().namedBuffers()).isEmpty();
        assertThat(new LeakyReLU()).hasToString("LeakyReLU(negative_slope=0.01)");
    }

    @Test
    void theSlopeCanBeChosen() {
        LeakyReLU leaky = new LeakyReLU(0.2);
        assertThat(leaky.negativeSlope()).isEqualTo(0.2);
        assertThat(leaky.forward(X).toDoubleArray()).containsExactly(Activations.leakyRelu(X, 0.2).toDoubleArray());
    }
}
