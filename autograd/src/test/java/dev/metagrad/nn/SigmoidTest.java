package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigmoidTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new Sigmoid().forward(X).toDoubleArray()).containsExactly(Activations.sigmoid(X).toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new Sigmoid().namedParameters()).isEmpty();
        assertThat(new Sigmoid().namedBuffers()).isEmpty();
        assertThat(new Sigmoid()).hasToString("Sigmoid()");
    }
}
