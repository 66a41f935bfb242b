package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new Identity().forward(X).toDoubleArray()).containsExactly(X.toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new Identity().namedParameters()).isEmpty();
        assertThat(new Identity().namedBuffers()).isEmpty();
        assertThat(new Identity()).hasToString("Identity()");
    }

    @Test
    void returnsTheInputItself() {
        assertThat(new Identity().forward(X)).isSameAs(X);
    }
}
