package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoftplusTest {
    private static final Tensor X = Tensor.randn(new Generator(1), 3, 4).mul(3.0);

    @Test
    void forwardIsTheFunctionalActivation() {
        assertThat(new Softplus().forward(X).toDoubleArray()).containsExactly(Activations.softplus(X, 1.0, 20.0).toDoubleArray());
    }

    @Test
    void hasNoStateAndPrintsLikeTorch() {
        assertThat(new Softplus().namedParameters()).isEmpty();
        assertThat(new Softplus().namedBuffers()).isEmpty();
        assertThat(new Softplus()).hasToString("Softplus(beta=1.0, threshold=20.0)");
    }

    @Test
    void betaAndThresholdCanBeChosen() {
        Softplus softplus = new Softplus(2.0, 1.0);
        assertThat(softplus.beta()).isEqualTo(2.0);
        assertThat(softplus.threshold()).isEqualTo(1.0);
        assertThat(softplus.forward(X).toDoubleArray()).containsExactly(Activations.softplus(X, 2.0, 1.0).toDoubleArray());
        assertThatThrownBy(() -> new Softplus(0.0, 20.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta must be non-zero");
    }
}
